package cn.pes.casework.security.web;

import cn.pes.casework.security.signin.ProviderSignIn;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * The browser's sign-in page: plain HTML without scripts or inline styles, so that the strict
 * content security policy holds. LOCAL sign-in: the form, carrying the CSRF token (the caseworkers'
 * web application replaces its look, not its fields). Sign-in through the OpenID Connect provider:
 * where one lands after signing out or a refused sign-in, with the way back to the provider.
 */
@Controller
class SignInPage {

    private final SignInMode signIn;

    SignInPage(SignInMode signIn) {
        this.signIn = signIn;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<String> page(ServerWebExchange exchange) {
        boolean signedOut = exchange.getRequest().getQueryParams().containsKey("logout");
        if (signIn.provider() != null) {
            return Mono.just(providerPage(signedOut ? "<p role=\"status\">您已退出登录。</p>" : "",
                    signIn.provider().signInPath()));
        }
        if (!signIn.local()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        boolean failed = exchange.getRequest().getQueryParams().containsKey("error");
        return token.map(csrf -> form(csrf, failed, signedOut));
    }

    /**
     * A sign-in at the provider that signed nobody in: 401 with what happened, never why in detail
     * (that is in the access log).
     */
    static Mono<Void> refused(ServerWebExchange exchange, AuthenticationException failure, String signInPath) {
        boolean officerRefused = failure instanceof OAuth2AuthenticationException oauth
                && ProviderSignIn.OFFICER_REFUSED.equals(oauth.getError().getErrorCode());
        String notice = officerRefused
                ? "<p role=\"alert\">您在统一身份认证中的账户未获准使用本系统（缺少人员标识、本市经办机构或本系统角色）。"
                + "请联系系统管理员。</p>"
                : "<p role=\"alert\">登录未成功，请重试。</p>";
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = response.bufferFactory()
                .wrap(providerPage(notice, signInPath).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    private static String providerPage(String notice, String signInPath) {
        return page(notice + "<p><a href=\"" + HtmlUtils.htmlEscape(signInPath) + "\">通过统一身份认证登录</a></p>\n");
    }

    private static String form(CsrfToken csrf, boolean failed, boolean signedOut) {
        String notice = failed ? "<p role=\"alert\">用户名或密码错误，或账户已暂时锁定。</p>"
                : signedOut ? "<p role=\"status\">您已退出登录。</p>" : "";
        return page(notice + """
                <form method="post" action="/login">
                <p><label for="username">用户名</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
                <p><label for="password">密码</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
                <input type="hidden" name="%s" value="%s">
                <p><button type="submit">登录</button></p>
                </form>
                """.formatted(HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken())));
    }

    private static String page(String content) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 公共就业服务业务系统</title><link rel="stylesheet" href="/css/app.css"></head>
                <body>
                <main>
                <h1>公共就业服务业务系统</h1>
                %s</main>
                </body>
                </html>
                """.formatted(content);
    }
}
