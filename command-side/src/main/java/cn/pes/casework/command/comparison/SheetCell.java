package cn.pes.casework.command.comparison;

import java.time.LocalDate;

/**
 * One cell as a file gives it. CSV has only text; a workbook also has numbers and dates, and the
 * difference matters: an ID number typed into a numeric cell has already lost its last digits.
 */
sealed interface SheetCell {

    record Text(String value) implements SheetCell {
    }

    record Number(double value) implements SheetCell {
    }

    record Date(LocalDate value) implements SheetCell {
    }

    static boolean isBlank(SheetCell cell) {
        return cell == null || cell instanceof Text text && text.value().isBlank();
    }
}
