package vn.hoctap.security;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The API documentation states the header every state-changing request needs ({@link ApiClientHeader}), with its
 * value as default, so Swagger UI's "Try it out" sends it without anyone typing it.
 */
@Configuration
public class ApiDocsClientHeader {

  @Bean
  OperationCustomizer clientHeaderParameter() {
    return (operation, handler) -> {
      if (handler.hasMethodAnnotation(GetMapping.class)) {
        return operation;
      }
      operation.addParametersItem(new HeaderParameter().name(ApiClientHeader.NAME).required(true)
          .description("Bắt buộc với mọi yêu cầu thay đổi dữ liệu (chống giả mạo yêu cầu, CSRF)")
          .schema(new StringSchema()._default(ApiClientHeader.VALUE).example(ApiClientHeader.VALUE)));
      return operation;
    };
  }
}
