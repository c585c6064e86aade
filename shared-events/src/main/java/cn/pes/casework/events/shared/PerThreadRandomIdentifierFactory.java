package cn.pes.casework.events.shared;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Axon's message identifiers (every command, event, query and each handler's result gets one): random
 * (version 4) UUIDs, as Axon's default makes them, but drawn from a generator of each thread's own,
 * seeded once from {@link SecureRandom}. Axon's default, {@link UUID#randomUUID()}, reads the operating
 * system's random source under one lock shared by every thread: an as-of answer makes some 300 of them
 * (a result per event per fold), and under load a read of that source was seen to take 10-70 ms
 * (issue 10's profiles). Installed through {@code META-INF/services}, which is how Axon finds it.
 *
 * <p>The generator is {@code L128X256MixRandom}, with 384 bits of state: threads and processes seeded
 * apart do not meet, so identifiers are as unlikely to repeat as Axon's. They are not secrets and not
 * made to be unguessable: nothing uses a message identifier to grant anything. Case and contact IDs,
 * which people see, come from {@link TimeOrderedId} with a secure source.
 */
public final class PerThreadRandomIdentifierFactory extends IdentifierFactory {

    private static final String ALGORITHM = "L128X256MixRandom";

    private static final ThreadLocal<RandomGenerator> GENERATORS = ThreadLocal.withInitial(() -> {
        byte[] seed = new byte[48];
        new SecureRandom().nextBytes(seed);
        return RandomGeneratorFactory.of(ALGORITHM).create(seed);
    });

    @Override
    public String generateIdentifier() {
        RandomGenerator random = GENERATORS.get();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
