package cn.pes.casework.query.areastatistics;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class AreaStatisticsProjectionServerGuardsTest extends AreaStatisticsProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
