package cn.pes.casework.security.web;

import cn.pes.casework.security.signin.SignInService;

/**
 * Which way officers sign in on this node: LOCAL (accounts here, with {@code service}) or through
 * an OpenID Connect provider (service null).
 */
public record SignInMode(boolean local, SignInService service) {
}
