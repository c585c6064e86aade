package cn.pes.casework.query.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** One in-memory read-model server per test class, emptied before each test. */
public abstract class ProjectionTestBase {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** "Today" for default query parameters: 2026-11-27. */
    protected static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 27).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);

    protected static ReadModelFixture fixture;
    protected ProjectionHarness projections;

    @BeforeAll
    static void startReadModelServer() {
        fixture = ReadModelFixture.inMemory();
    }

    @AfterAll
    static void stopReadModelServer() {
        fixture.close();
    }

    @BeforeEach
    void emptyReadModels() {
        fixture.reset();
        projections = new ProjectionHarness(fixture.store(serverSideGuards()), CLOCK);
    }

    /** Embedded-store mode by default: sequence guards checked in memory, writes filtered on _id. */
    protected boolean serverSideGuards() {
        return false;
    }
}
