package cn.pes.casework.command.comparison;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.comparison.ComparisonStaging.StagedBatch;
import cn.pes.casework.command.comparison.RecordFileReader.ReadFile;
import cn.pes.casework.command.comparison.RecordFileReader.StagedRow;
import cn.pes.casework.events.comparison.ComparisonBatchImported;
import cn.pes.casework.events.comparison.ComparisonBatchStatus;
import cn.pes.casework.events.comparison.ComparisonImportReceipt;
import cn.pes.casework.events.comparison.ImportExternalRecordsCommand;
import cn.pes.casework.security.protection.BlindIndex;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Imports a file of external records (信息比对数据导入, TRK-2) outside any aggregate, because its first
 * question — was this batch imported before? — is about all batches. All or nothing: the staged rows
 * and the batch's first event commit in the command's one transaction; a refused file stores nothing.
 */
@Component
class ComparisonImportHandler {

    static final int MAX_SOURCE_LENGTH = 100;
    static final int MAX_FILE_NAME_LENGTH = 255;

    private final Repository<ComparisonBatch> batches;
    private final ComparisonStaging staging;
    private final BlindIndex blindIndex;
    private final ComparisonProperties properties;
    private final MatchingQueue matching;

    ComparisonImportHandler(Repository<ComparisonBatch> batches, ComparisonStaging staging, BlindIndex blindIndex,
                            ComparisonProperties properties, MatchingQueue matching) {
        this.batches = batches;
        this.staging = staging;
        this.blindIndex = blindIndex;
        this.properties = properties;
        this.matching = matching;
    }

    @CommandHandler
    ComparisonImportReceipt handle(ImportExternalRecordsCommand command) throws Exception {
        requireWellFormed(command);
        String source = command.source().strip();
        ReadFile file = new RecordFileReader(blindIndex, properties.maxRows(), properties.maxReportedProblems())
                .read(command.format(), command.content(), command.kind(), command.referenceDate());
        String batchId = batchId(command, source, file);

        var existing = staging.find(batchId);
        if (existing.isPresent()) {
            StagedBatch stored = existing.get();
            return new ComparisonImportReceipt(batchId, true, stored.linesRead(), stored.validRows(),
                    stored.problemCount(), stored.problems());
        }
        try {
            staging.insert(new StagedBatch(batchId, ComparisonBatchStatus.PROCESSING, command.kind(), source,
                    command.referenceDate(), command.uploaderId(), command.agencyId(), file.linesRead(),
                    file.rows().size(), file.problemCount(), file.problems()), file.rows());
        } catch (DuplicateKeyException e) {
            // The same batch imported at the same moment: the gateway retries, and the retry finds it.
            throw new ConcurrencyException("batch " + batchId + " imported concurrently");
        }
        ComparisonBatchImported imported = new ComparisonBatchImported(batchId, command.kind(), source,
                command.referenceDate(), fileName(command.fileName()), command.format(), file.linesRead(),
                file.rows().size(), file.problemCount(), file.problems(), command.uploaderId(), command.agencyId(),
                command.importedOn());
        batches.newInstance(() -> new ComparisonBatch(imported));
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> matching.offer(batchId)));
        return new ComparisonImportReceipt(batchId, false, file.linesRead(), file.rows().size(), file.problemCount(),
                file.problems());
    }

    private static void requireWellFormed(ImportExternalRecordsCommand command) {
        if (command.kind() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "kind");
        }
        if (command.source() == null || command.source().isBlank()) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "source");
        }
        if (command.source().strip().length() > MAX_SOURCE_LENGTH) {
            throw CaseRuleViolation.invalid("INPUT", "TOO_LONG", "source");
        }
        if (command.referenceDate() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "referenceDate");
        }
        if (command.importedOn() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "importedOn");
        }
        if (command.referenceDate().isAfter(command.importedOn())) {
            throw CaseRuleViolation.invalid("TRK-2", "REFERENCE_DATE_AFTER_IMPORT", "referenceDate");
        }
        if (command.format() == null) {
            throw CaseRuleViolation.invalid("TRK-2", "FILE_FORMAT_UNSUPPORTED", "file");
        }
        if (command.content() == null || command.content().length == 0) {
            throw CaseRuleViolation.invalid("TRK-2", "NO_DATA_ROWS", "file");
        }
        if (command.uploaderId() == null || command.agencyId() == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", command.uploaderId() == null ? "uploaderId" : "agencyId");
        }
    }

    private static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.strip();
        return name.length() > MAX_FILE_NAME_LENGTH ? name.substring(0, MAX_FILE_NAME_LENGTH) : name;
    }

    /**
     * From what the batch says, not how it was saved: the uploading agency (a batch reaches the cases that
     * agency covers, so another agency's upload of the same file is another batch), kind, source, reference
     * date and each valid row (blind index, date, organisation) in file order. The same records re-saved as
     * a workbook, or with other malformed lines around them, are the same batch.
     */
    static String batchId(ImportExternalRecordsCommand command, String source, ReadFile file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(digest, command.agencyId() + '\u001f' + command.kind().name() + '\u001f' + source + '\u001f'
                + command.referenceDate());
        for (StagedRow row : file.rows()) {
            update(digest, "\u001e" + row.idNumberHash() + '\u001f' + row.recordDate() + '\u001f'
                    + (row.organisation() == null ? "" : row.organisation()));
        }
        return "cmp-" + HexFormat.of().formatHex(digest.digest()).substring(0, 20);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
