package cn.pes.casework.security.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BlindIndexTest {

    private static final String KEY = "0123456789abcdef";
    private static final String SPECIMEN = "11010519491231002X";

    @Test
    void knownAnswer() {
        // python3 -c "import hmac,hashlib;print(hmac.new(b'0123456789abcdef',b'11010519491231002X',hashlib.sha256).hexdigest())"
        assertThat(new BlindIndex(KEY).ofIdNumber(SPECIMEN))
                .isEqualTo("dd6a5ba2eed683e7925b20f655c01434a93591983089686662b75f63b85a9c1b");
    }

    @Test
    void sameInputAndKeyGiveTheSameHash() {
        BlindIndex index = new BlindIndex(KEY);

        assertThat(index.ofIdNumber(SPECIMEN)).isEqualTo(index.ofIdNumber(SPECIMEN)).isEqualTo(new BlindIndex(KEY).ofIdNumber(SPECIMEN));
        assertThat(index.ofIdNumber(SPECIMEN)).matches("[0-9a-f]{64}");
    }

    @Test
    void differentKeyGivesADifferentHash() {
        assertThat(new BlindIndex(KEY).ofIdNumber(SPECIMEN)).isNotEqualTo(new BlindIndex(KEY + "x").ofIdNumber(SPECIMEN));
    }

    @Test
    void differentNumbersGiveDifferentHashes() {
        BlindIndex index = new BlindIndex(KEY);
        String other = "440524198001010013";

        assertThat(index.ofIdNumber(other)).isNotEqualTo(index.ofIdNumber(SPECIMEN));
    }

    @Test
    void aNameNeverHashesLikeAnIdNumberWithTheSameCharacters() {
        BlindIndex index = new BlindIndex(KEY);

        assertThat(index.ofName(SPECIMEN)).isNotEqualTo(index.ofIdNumber(SPECIMEN)).matches("[0-9a-f]{64}");
        assertThat(index.ofName("张三")).isEqualTo(new BlindIndex(KEY).ofName("张三")).isNotEqualTo(index.ofName("张四"));
    }

    @Test
    void keyShorterThanSixteenBytesIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> new BlindIndex("0123456789abcde"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pes.security.blind-index-key")
                .hasMessageNotContaining("0123456789abcde");
        assertThatThrownBy(() -> new BlindIndex("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlindIndex(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyLengthIsCountedInUtf8Bytes() {
        // 5 CJK characters are 15 bytes, 6 are 18.
        assertThatThrownBy(() -> new BlindIndex("密钥密钥密")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BlindIndex("密钥密钥密钥").ofIdNumber(SPECIMEN)).hasSize(64);
    }

    @Test
    void springUsesThePropertyAndFallsBackToTheDevelopmentKey() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withBean(BlindIndex.class);

        runner.run(context -> assertThat(context.getBean(BlindIndex.class).ofIdNumber(SPECIMEN))
                .isEqualTo(new BlindIndex(BlindIndex.DEVELOPMENT_KEY).ofIdNumber(SPECIMEN)));
        runner.withPropertyValues("pes.security.blind-index-key=" + KEY)
                .run(context -> assertThat(context.getBean(BlindIndex.class).ofIdNumber(SPECIMEN))
                        .isEqualTo(new BlindIndex(KEY).ofIdNumber(SPECIMEN)));
        runner.withPropertyValues("pes.security.blind-index-key=short")
                .run(context -> assertThat(context).hasFailed());
    }
}
