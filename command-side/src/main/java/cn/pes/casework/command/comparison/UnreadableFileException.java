package cn.pes.casework.command.comparison;

/** The file is no CSV or workbook this reader understands. Says nothing about its content. */
class UnreadableFileException extends RuntimeException {

    UnreadableFileException(String reason) {
        super(reason, null, false, false);
    }
}
