package cn.pes.casework.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** The caseworkers' pages, in whichever process includes this module (the platform). */
@AutoConfiguration
@ComponentScan("cn.pes.casework.web")
public class WebAppAutoConfiguration {
}
