package cn.pes.casework.query.common;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    /** Scans shared-events, so an enum added to the contract later fails here until it has labels. */
    @Test
    void everyEnumConstantOfTheMessageContractHasAChineseLabel() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        List<Class<?>> enums = new ArrayList<>();
        for (Resource resource : resolver.getResources("classpath*:cn/pes/casework/events/**/*.class")) {
            Class<?> type = Class.forName(readers.getMetadataReader(resource).getClassMetadata().getClassName());
            if (type.isEnum()) {
                enums.add(type);
            }
        }
        assertThat(enums).hasSizeGreaterThanOrEqualTo(14);

        List<String> missing = new ArrayList<>();
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                if (!Labels.has(value) || !Labels.of(value).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    missing.add(type.getName() + "." + value.name());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
