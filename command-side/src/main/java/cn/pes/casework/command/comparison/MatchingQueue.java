package cn.pes.casework.command.comparison;

/** Where an imported batch goes to be matched once its import has committed. */
@FunctionalInterface
interface MatchingQueue {

    void offer(String batchId);
}
