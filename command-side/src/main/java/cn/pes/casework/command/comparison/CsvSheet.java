package cn.pes.casework.command.comparison;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them: fields in double quotes may hold commas, line
 * breaks and doubled quotes. A record spanning several physical lines is one row, numbered as a
 * spreadsheet shows it. Text is UTF-8, with or without byte order mark; bytes that are not valid
 * UTF-8 are read as GB18030, which is how Excel on Chinese Windows saves "CSV".
 */
final class CsvSheet {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvSheet() {
    }

    static void read(byte[] content, SheetRows rows) {
        String text = decode(content);
        List<SheetCell> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int length = text.length();
        int i = 0;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        while (i < length) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    // A quote opens a quoted field only at its start; elsewhere it is taken as it is.
                    if (field.isEmpty() && !fieldWasQuoted) {
                        quoted = true;
                        fieldWasQuoted = true;
                    } else {
                        field.append(c);
                    }
                }
                case ',' -> {
                    cells.add(new SheetCell.Text(field.toString()));
                    field.setLength(0);
                    fieldWasQuoted = false;
                }
                case '\r', '\n' -> {
                    cells.add(new SheetCell.Text(field.toString()));
                    field.setLength(0);
                    fieldWasQuoted = false;
                    rows.row(line++, cells);
                    cells = new ArrayList<>();
                    if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new UnreadableFileException("a quoted field is not closed");
        }
        if (!field.isEmpty() || !cells.isEmpty() || fieldWasQuoted) {
            cells.add(new SheetCell.Text(field.toString()));
            rows.row(line, cells);
        }
    }

    static String decode(byte[] content) {
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            return strict(content, 3, StandardCharsets.UTF_8);
        }
        try {
            return decodeStrictly(content, 0, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return strict(content, 0, GB18030);
        }
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        try {
            return decodeStrictly(content, offset, charset);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("not text in UTF-8 or GB18030");
        }
    }

    private static String decodeStrictly(byte[] content, int offset, Charset charset) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset));
        String text = chars.toString();
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableFileException("binary content");
        }
        return text;
    }
}
