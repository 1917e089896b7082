package io.hyperx.app.web;

import com.fasterxml.jackson.databind.module.SimpleModule;
import io.hyperx.kernel.Money;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Spring MVC reads request bodies with a copy of the application's ObjectMapper that also checks
 * {@link RequestMoneyDeserializer money}; the shared mapper (events, stored JSON) is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodyJson implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter.getClass() == MappingJackson2HttpMessageConverter.class
                ? new MappingJackson2HttpMessageConverter(((MappingJackson2HttpMessageConverter) converter)
                .getObjectMapper().copy()
                .registerModule(new SimpleModule("request-money").addDeserializer(Money.class,
                        new RequestMoneyDeserializer())))
                : converter);
    }
}
