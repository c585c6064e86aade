package cn.pes.casework.events.comparison;

/** The file formats a batch of external records or a reconciliation list is read from. */
public enum RecordFileFormat {
    /** Comma-separated, UTF-8 (with or without BOM) or GB18030 as spreadsheet programs save it here. */
    CSV,
    /** Office Open XML workbook: the first sheet is read. */
    XLSX
}
