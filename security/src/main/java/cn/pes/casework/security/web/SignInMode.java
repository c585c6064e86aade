package cn.pes.casework.security.web;

import cn.pes.casework.security.signin.ProviderSignIn;
import cn.pes.casework.security.signin.SignInService;

/**
 * Which way officers sign in on this node: LOCAL (accounts here, with {@code service}) or through
 * an OpenID Connect provider (service null), where browsers sign in at the provider through
 * {@code provider} if the platform has a client there (else null: bearer tokens only).
 */
public record SignInMode(boolean local, SignInService service, ProviderSignIn provider) {
}
