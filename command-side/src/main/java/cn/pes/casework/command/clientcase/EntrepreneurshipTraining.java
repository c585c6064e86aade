package cn.pes.casework.command.clientcase;

import cn.pes.casework.events.entrepreneurship.TrainingStatus;
import cn.pes.casework.events.entrepreneurship.TrainingType;

import java.time.LocalDate;

/**
 * One entrepreneurship training of the person (创业培训, ENT-1): where, what, from when and where it
 * stands. A value, replaced on change; held by {@link Entrepreneurship}.
 */
record EntrepreneurshipTraining(String trainingId, String institutionId, TrainingType trainingType,
                                LocalDate startsOn, TrainingStatus status) {

    EntrepreneurshipTraining with(TrainingStatus next) {
        return new EntrepreneurshipTraining(trainingId, institutionId, trainingType, startsOn, next);
    }
}
