package cn.pes.casework.command.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A version of policy figures that takes effect on a date and stays in force until the next
 * version does. The version label is recorded in the decisions it is used for.
 */
public interface DatedPolicy {

    String version();

    LocalDate effectiveFrom();

    /**
     * What is wrong with this version's own figures, each as "{@code .property} problem" (the
     * book puts the configuration path in front); empty when they are fine.
     */
    List<String> figureProblems();
}
