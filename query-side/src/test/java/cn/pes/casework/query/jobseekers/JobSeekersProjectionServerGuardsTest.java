package cn.pes.casework.query.jobseekers;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class JobSeekersProjectionServerGuardsTest extends JobSeekersProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
