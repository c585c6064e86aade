package cn.pes.casework.query.projection;

/**
 * @param batchSize          events per batch, i.e. per bulk write and per token update
 * @param initialSegments    segments a processing group is split into when its tokens are first
 *                           created; fixed afterwards (split or merge to change it)
 * @param maxClaimedSegments how many segments one node claims per group, 0 for no limit; set it when
 *                           several query-side nodes should share the work
 */
public record ProjectionSettings(int batchSize, int initialSegments, int maxClaimedSegments) {

    public ProjectionSettings {
        if (batchSize < 1 || initialSegments < 1 || maxClaimedSegments < 0) {
            throw new IllegalArgumentException("batch size and segments must be positive");
        }
    }
}
