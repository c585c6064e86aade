package cn.pes.casework.security.web;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The browser's sign-in form (LOCAL sign-in): plain HTML without scripts or inline styles, so that
 * the strict content security policy holds; the form carries the CSRF token. The caseworkers' web
 * application replaces its look, not its fields.
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
        if (!signIn.local()) {
            return Mono.error(new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND));
        }
        Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        boolean failed = exchange.getRequest().getQueryParams().containsKey("error");
        boolean signedOut = exchange.getRequest().getQueryParams().containsKey("logout");
        return token.map(csrf -> html(csrf, failed, signedOut));
    }

    private static String html(CsrfToken csrf, boolean failed, boolean signedOut) {
        String notice = failed ? "<p role=\"alert\">用户名或密码错误，或账户已暂时锁定。</p>"
                : signedOut ? "<p role=\"status\">您已退出登录。</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 公共就业服务业务系统</title><link rel="stylesheet" href="/css/app.css"></head>
                <body>
                <main>
                <h1>公共就业服务业务系统</h1>
                %s
                <form method="post" action="/login">
                <p><label for="username">用户名</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
                <p><label for="password">密码</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
                <input type="hidden" name="%s" value="%s">
                <p><button type="submit">登录</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
