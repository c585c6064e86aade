package cn.pes.casework.command.integrity;

import cn.pes.casework.events.integrity.ChainVerification;
import cn.pes.casework.events.integrity.VerifyCaseChainQuery;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers the web application's history integrity check (历史完整性校验) on the side that owns the event store.
 * Only cases: an employer's or a fair's identifier answers as unknown.
 */
public class CaseChainQueryHandler {

    /** Axon's type of the case aggregate, as stored in the event table. */
    static final String CASE_TYPE = "ClientCase";

    private final ChainVerifier verifier;

    public CaseChainQueryHandler(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @QueryHandler
    public ChainVerification verify(VerifyCaseChainQuery query) {
        return verifier.verify(query.caseId(), CASE_TYPE);
    }
}
