package cn.pes.casework.events.shared;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class PerThreadRandomIdentifierFactoryTest {

    @Test
    void axonFindsItAndGivesEveryMessageAnIdentifierFromIt() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(PerThreadRandomIdentifierFactory.class);
        String identifier = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(identifier).version()).isEqualTo(4);
    }

    @Test
    void makesVersionFourUuidsWithEveryRandomBitInUse() {
        PerThreadRandomIdentifierFactory factory = new PerThreadRandomIdentifierFactory();
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        for (int i = 0; i < 10_000; i++) {
            String identifier = factory.generateIdentifier();
            UUID uuid = UUID.fromString(identifier);
            assertThat(uuid.toString()).isEqualTo(identifier);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            mostOr |= uuid.getMostSignificantBits();
            mostAnd &= uuid.getMostSignificantBits();
            leastOr |= uuid.getLeastSignificantBits();
            leastAnd &= uuid.getLeastSignificantBits();
        }
        // Apart from the version and variant, every bit was seen both set and clear.
        assertThat(mostOr).isEqualTo(-1L & ~0xB000L | 0x4000L);
        assertThat(mostAnd).isEqualTo(0x4000L);
        assertThat(leastOr).isEqualTo(0xBFFFFFFFFFFFFFFFL);
        assertThat(leastAnd).isEqualTo(0x8000000000000000L);
    }

    @Test
    void threadsNeverMakeTheSameIdentifier() throws InterruptedException {
        PerThreadRandomIdentifierFactory factory = new PerThreadRandomIdentifierFactory();
        Set<String> all = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        int perThread = 100_000;
        for (int t = 0; t < 8; t++) {
            threads.add(new Thread(() -> {
                Set<String> mine = new HashSet<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(factory.generateIdentifier());
                }
                all.addAll(mine);
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(all).hasSize(8 * perThread);
    }
}
