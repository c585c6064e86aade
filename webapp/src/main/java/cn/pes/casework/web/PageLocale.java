package cn.pes.casework.web;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * Chinese by default, as the agencies work; {@code ?lang=en} switches a browser to English and a
 * cookie keeps the choice.
 */
@Component("localeContextResolver")
class PageLocale implements LocaleContextResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String COOKIE = "pes-lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst("lang");
        if (asked != null) {
            Locale locale = "en".equals(asked) ? Locale.ENGLISH : CHINESE;
            exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale == Locale.ENGLISH ? "en" : "zh")
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Strict").build());
            return new SimpleLocaleContext(locale);
        }
        var cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        return new SimpleLocaleContext(cookie != null && "en".equals(cookie.getValue()) ? Locale.ENGLISH : CHINESE);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("the language is chosen with ?lang=");
    }
}
