package cn.pes.casework.command.comparison;

import java.util.List;

/** Receives a file's rows in order, each with its line as a spreadsheet program numbers it (from 1). */
@FunctionalInterface
interface SheetRows {

    /** @param cells by column, from 0; a missing cell is null */
    void row(int line, List<SheetCell> cells);
}
