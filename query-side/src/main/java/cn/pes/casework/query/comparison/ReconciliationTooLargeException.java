package cn.pes.casework.query.comparison;

import cn.pes.casework.query.web.InvalidQueryInputException;

/** A reconciliation list longer than {@code pes.reconciliation.max-numbers}: refused whole (400, field idNumbers). */
public class ReconciliationTooLargeException extends InvalidQueryInputException {

    public ReconciliationTooLargeException(int numbers, int maxNumbers) {
        super("idNumbers", "A reconciliation list holds at most " + maxNumbers + " ID numbers, this one " + numbers);
    }
}
