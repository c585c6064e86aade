package cn.pes.casework.query.jobfigures;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class JobFiguresProjectionServerGuardsTest extends JobFiguresProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
