package vn.hoctap.common.xlsx;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(XlsxLimits.class)
class XlsxConfiguration {}
