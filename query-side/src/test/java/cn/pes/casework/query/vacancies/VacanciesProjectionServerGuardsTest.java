package cn.pes.casework.query.vacancies;

/** The same, with the sequence guards in the write filters as against a real MongoDB. */
class VacanciesProjectionServerGuardsTest extends VacanciesProjectionTest {

    @Override
    protected boolean serverSideGuards() {
        return true;
    }
}
