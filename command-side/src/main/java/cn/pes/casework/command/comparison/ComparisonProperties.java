package cn.pes.casework.command.comparison;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Information comparison (信息比对, TRK-2) settings, {@code pes.comparison.*}.
 *
 * @param maxRows               data rows a file may hold; a larger one is refused as a whole
 * @param maxReportedProblems   malformed rows listed in a receipt and its event; all are counted
 * @param maxFileBytes          the largest file an upload may carry
 * @param chunkSize             rows matched and recorded together: a restart repeats at most one chunk
 * @param parallelism           match commands in flight at once: cases are independent, but the
 *                              officers' own commands must keep getting database connections
 * @param retryDelay            wait before a batch is tried again after a failure that was not the case's answer
 * @param shutdownWait          how long a stop waits for the chunk in hand before abandoning it (it resumes)
 */
@ConfigurationProperties("pes.comparison")
public record ComparisonProperties(@DefaultValue("200000") int maxRows,
                                   @DefaultValue("1000") int maxReportedProblems,
                                   @DefaultValue("40MB") org.springframework.util.unit.DataSize maxFileBytes,
                                   @DefaultValue("1000") int chunkSize,
                                   @DefaultValue("4") int parallelism,
                                   @DefaultValue("30s") Duration retryDelay,
                                   @DefaultValue("20s") Duration shutdownWait) {

    @ConstructorBinding
    public ComparisonProperties {
        if (maxRows < 1 || maxReportedProblems < 0 || chunkSize < 1 || parallelism < 1) {
            throw new IllegalArgumentException("pes.comparison: max-rows, chunk-size and parallelism must be positive, "
                    + "max-reported-problems not negative");
        }
    }

    /** The defaults, for tests and tools that build the parts by hand. */
    public static ComparisonProperties defaults() {
        return new ComparisonProperties(200_000, 1000, org.springframework.util.unit.DataSize.ofMegabytes(40), 1000, 4,
                Duration.ofSeconds(30), Duration.ofSeconds(20));
    }
}
