package vn.hoctap.security.sso;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Reads {@code hoctap.sso.*} (application.yaml). */
@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {}
