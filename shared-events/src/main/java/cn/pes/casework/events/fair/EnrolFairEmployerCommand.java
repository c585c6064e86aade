package cn.pes.casework.events.fair;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * An employer takes part in the fair with some of its published vacancies (参会单位). Enrolling the
 * same employer again replaces its vacancies.
 */
public record EnrolFairEmployerCommand(@TargetAggregateIdentifier String fairId, String employerId,
                                       List<String> vacancyIds, LocalDate recordedOn) {
}
