package cn.pes.casework.query.registrationflows;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class RegistrationFlowsProjectionServerGuardsTest extends RegistrationFlowsProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
