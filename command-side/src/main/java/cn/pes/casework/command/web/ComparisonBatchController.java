package cn.pes.casework.command.web;

import cn.pes.casework.command.clientcase.CaseRuleViolation;
import cn.pes.casework.command.comparison.ComparisonProperties;
import cn.pes.casework.events.comparison.ComparisonImportReceipt;
import cn.pes.casework.events.comparison.ExternalRecordKind;
import cn.pes.casework.events.comparison.ImportExternalRecordsCommand;
import cn.pes.casework.events.comparison.RecordFileFormat;
import cn.pes.casework.events.shared.Channel;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Imports a batch of external records for information comparison (信息比对, TRK-2): a CSV or .xlsx file
 * with its kind, source and reference date, as multipart form data. 202 with the receipt when the batch
 * is new (it is matched in the background; follow it at the {@code Location}), 200 when the same batch
 * was imported before. The file is read by the command side, not here.
 */
@RestController
class ComparisonBatchController {

    private final OfficerCommands commands;
    private final ActingOfficerResolver officers;
    private final AgencyToday today;
    private final int maxFileBytes;

    ComparisonBatchController(OfficerCommands commands, ActingOfficerResolver officers, AgencyToday today,
                              ComparisonProperties properties) {
        this.commands = commands;
        this.officers = officers;
        this.today = today;
        this.maxFileBytes = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxFileBytes().toBytes());
    }

    @PostMapping(path = "/api/comparison-batches", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<ComparisonImportReceipt>> importBatch(ServerWebExchange exchange) {
        return exchange.getMultipartData().flatMap(parts -> {
            if (!(parts.getFirst("file") instanceof FilePart file)) {
                return Mono.error(CaseRuleViolation.invalid("INPUT", "MISSING", "file"));
            }
            RecordFileFormat format = format(file.filename());
            ExternalRecordKind kind = kind(field(parts, "kind"));
            String source = field(parts, "source");
            LocalDate referenceDate = date(field(parts, "referenceDate"));
            LocalDate importedOn = today.date();
            return DataBufferUtils.join(file.content(), maxFileBytes)
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(content -> officers.resolve().flatMap(officer ->
                            commands.<ComparisonImportReceipt>send(new ImportExternalRecordsCommand(file.filename(),
                                    format, content, kind, source, referenceDate, officer.officerId(),
                                    officer.agencyId(), importedOn), officer, Channel.BACK_OFFICE, exchange)));
        }).map(receipt -> receipt.alreadyImported()
                ? ResponseEntity.ok(receipt)
                : ResponseEntity.accepted().location(URI.create("/api/comparison-batches/" + receipt.batchId()))
                .body(receipt));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field && !field.value().isBlank() ? field.value() : null;
    }

    private static RecordFileFormat format(String fileName) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return RecordFileFormat.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return RecordFileFormat.XLSX;
        }
        throw CaseRuleViolation.invalid("TRK-2", "FILE_FORMAT_UNSUPPORTED", "file");
    }

    private static ExternalRecordKind kind(String value) {
        if (value == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "kind");
        }
        try {
            return ExternalRecordKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw CaseRuleViolation.invalid("INPUT", "INVALID_VALUE", "kind");
        }
    }

    private static LocalDate date(String value) {
        if (value == null) {
            throw CaseRuleViolation.invalid("INPUT", "MISSING", "referenceDate");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CaseRuleViolation.invalid("INPUT", "INVALID_VALUE", "referenceDate");
        }
    }
}
