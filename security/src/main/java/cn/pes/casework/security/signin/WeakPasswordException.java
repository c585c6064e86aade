package cn.pes.casework.security.signin;

/** A new password breaks the password rules; the message states the rule, never the password. */
public class WeakPasswordException extends RuntimeException {

    public WeakPasswordException(String rule) {
        super(rule);
    }
}
