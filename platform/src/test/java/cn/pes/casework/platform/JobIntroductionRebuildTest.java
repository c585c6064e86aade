package cn.pes.casework.platform;

import cn.pes.casework.platform.support.Caseworker;
import cn.pes.casework.platform.support.CreditCodes;
import cn.pes.casework.platform.support.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.pes.casework.platform.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job introduction from the job seeker's registration to a hire at a recruitment fair, read through
 * every view it feeds (profile, review list, matches both ways, fair, monthly figures, guidance, case
 * history); then the read models are deleted and a start replays the events into the same views.
 */
class JobIntroductionRebuildTest {

    private static final String STREET = "990101001";

    @Test
    void jobIntroductionViewsAreRebuiltIdenticallyFromTheEvents() throws IOException {
        String dataDir = PlatformTestConfiguration.freshDataDir("pes-jobs-rebuild-");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        YearMonth month = YearMonth.from(today);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, JsonNode> before;

        try (ConfigurableApplicationContext first = RestartTest.start(dataDir)) {
            Caseworker officer = RestartTest.caseworker(first);
            String hired = officer.registerAtWindow(TestIds.adult(), "推荐甲");
            String waiting = officer.registerAtWindow(TestIds.adult(), "推荐乙");
            String storekeeper = officer.registerAtWindow(TestIds.adult(), "推荐丙");
            ids.put("hired", hired);
            ids.put("waiting", waiting);
            ids.put("storekeeper", storekeeper);

            String employerId = officer.post("/api/employers", Map.of("creditCode", CreditCodes.fresh(),
                            "name", "XX市东湖机械制造有限公司", "registeredAddress", "XX市中心区解放路88号",
                            "areaAgencyId", STREET, "contact", Map.of("name", "李四", "phone", "13912345678")))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("employerId").asText();
            ids.put("employer", employerId);
            String lathe = publishedVacancy(officer, employerId, "数控车工", 5000, 7500, "FULL_TIME");
            String store = publishedVacancy(officer, employerId, "仓库保管员", 3000, 3500, "PART_TIME");
            ids.put("lathe", lathe);
            ids.put("store", store);

            String hiredSeeking = registerJobSeeking(officer, hired, "数控车工", 6000, "FULL_TIME");
            officer.post("/api/cases/" + hired + "/job-seeking/" + hiredSeeking + "/publication", Map.of())
                    .expectStatus().isOk();
            registerJobSeeking(officer, waiting, "电工", 5000, "FULL_TIME");
            String storeSeeking = registerJobSeeking(officer, storekeeper, "仓库保管员", 3000, "PART_TIME");
            officer.post("/api/cases/" + storekeeper + "/job-seeking/" + storeSeeking + "/publication", Map.of())
                    .expectStatus().isOk();

            // Matching: the lathe job fits the turner on every criterion, the storekeeper's job on none but area.
            eventually(() -> assertThat(officer.get("/api/cases/" + hired + "/vacancy-matches").path("matches"))
                    .hasSizeGreaterThanOrEqualTo(2));
            JsonNode matches = officer.get("/api/cases/" + hired + "/vacancy-matches").path("matches");
            assertThat(matches.get(0).path("vacancy").path("vacancyId").asText()).isEqualTo(lathe);
            assertThat(matches.get(0).path("score").asInt()).isGreaterThan(matches.get(1).path("score").asInt());

            String fairId = officer.post("/api/fairs", Map.of("title", "冬季就业援助专场招聘会", "format", "OFFLINE",
                            "heldOn", today.toString(), "place", "XX市人力资源市场", "organiserAgencyId", STREET))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("fairId").asText();
            ids.put("fair", fairId);
            officer.post("/api/fairs/" + fairId + "/employers", Map.of("employerId", employerId,
                    "vacancyIds", List.of(lathe, store))).expectStatus().isOk();
            officer.post("/api/fairs/" + fairId + "/invitations", Map.of("caseId", hired)).expectStatus().isOk();
            officer.post("/api/fairs/" + fairId + "/attendance", Map.of("caseId", hired)).expectStatus().isOk();
            String referralId = officer.post("/api/cases/" + hired + "/referrals",
                            Map.of("employerId", employerId, "vacancyId", lathe, "fairId", fairId))
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("referralId").asText();
            officer.post("/api/cases/" + hired + "/referrals/" + referralId + "/outcomes",
                    Map.of("outcome", "INTERVIEWED")).expectStatus().isCreated();
            officer.post("/api/cases/" + hired + "/referrals/" + referralId + "/outcomes",
                    Map.of("outcome", "HIRED", "startDate", today.toString())).expectStatus().isCreated();
            officer.post("/api/fairs/" + fairId + "/closure", Map.of()).expectStatus().isOk();
            officer.post("/api/cases/" + waiting + "/career-guidance", Map.of("topic", "JOB_SEEKING_METHOD",
                    "notes", "简历修改建议", "followUp", "一周后回访")).expectStatus().isCreated();
            officer.post("/api/employers/" + employerId + "/guidance", Map.of("topic", "HIRING_CRITERIA",
                    "notes", "建议放宽学历要求")).expectStatus().isCreated();

            eventually(() -> {
                JsonNode figures = officer.get("/api/statistics/agencies/" + STREET + "/jobs?month=" + month);
                assertThat(figures.toString()).contains("\"referralsMade\":1", "\"hiresThroughReferral\":1",
                        "\"fairsHeld\":1", "\"fairAttendees\":1", "\"fairReferrals\":1", "\"guidanceSessions\":2");
            });
            eventually(() -> assertThat(officer.get("/api/fairs/" + fairId).path("fair").path("hires").asInt())
                    .isEqualTo(1));
            eventually(() -> assertThat(officer.get("/api/cases/" + hired + "/job-seeking").path("status").asText())
                    .isEqualTo("CLOSED"));
            eventually(() -> assertThat(officer.caseView(hired).path("status").asText()).isEqualTo("EMPLOYED"));
            eventually(() -> assertThat(officer.get("/api/cases/" + waiting + "/job-seeking").path("guidance"))
                    .hasSize(1));
            eventually(() -> assertThat(officer.get("/api/employers/" + employerId + "/guidance").toString())
                    .contains("HIRING_CRITERIA"));
            eventually(() -> assertThat(officer.get("/api/employers/" + employerId + "/vacancies/" + store
                    + "/candidates").path("matches")).hasSize(1));
            eventually(() -> assertThat(officer.history(hired).toString()).contains(referralId));
            before = views(officer, ids, month);
            assertThat(before.get("reviews").toString()).contains(waiting).doesNotContain(hired);
            assertThat(before.get("candidates:store").path("matches").get(0).path("caseId").asText())
                    .isEqualTo(storekeeper);
        }

        FileSystemUtils.deleteRecursively(Path.of(dataDir, "readmodels"));

        try (ConfigurableApplicationContext second = RestartTest.start(dataDir)) {
            Caseworker officer = RestartTest.caseworker(second);
            eventually(() -> assertThat(views(officer, ids, month)).isEqualTo(before));
        }
    }

    private static Map<String, JsonNode> views(Caseworker officer, Map<String, String> ids, YearMonth month) {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String person : List.of("hired", "waiting", "storekeeper")) {
            String caseId = ids.get(person);
            views.put("profile:" + person, officer.get("/api/cases/" + caseId + "/job-seeking"));
            views.put("history:" + person, officer.history(caseId));
            views.put("matches:" + person, officer.get("/api/cases/" + caseId + "/vacancy-matches"));
        }
        String employerPath = "/api/employers/" + ids.get("employer");
        views.put("reviews", officer.get("/api/agencies/" + STREET + "/job-seeking-reviews"));
        views.put("candidates:store", officer.get(employerPath + "/vacancies/" + ids.get("store") + "/candidates"));
        views.put("candidates:lathe", officer.get(employerPath + "/vacancies/" + ids.get("lathe") + "/candidates"));
        views.put("employer", officer.get(employerPath));
        views.put("employerGuidance", officer.get(employerPath + "/guidance"));
        views.put("fair", officer.get("/api/fairs/" + ids.get("fair")));
        views.put("fairs", officer.get("/api/fairs?month=" + month));
        views.put("figures", officer.get("/api/statistics/agencies/" + STREET + "/jobs?month=" + month));
        return views;
    }

    private static String registerJobSeeking(Caseworker officer, String caseId, String occupation, int wage,
                                             String form) {
        return officer.post("/api/cases/" + caseId + "/job-seeking", Map.of("identityDocument", "RESIDENT_ID_CARD",
                        "basics", Map.of("education", "VOCATIONAL_SECONDARY", "yearsOfExperience", 4, "skills", occupation),
                        "intentions", Map.of("occupations", List.of(occupation), "expectedMonthlyWageYuan", wage,
                                "areaAgencyId", STREET, "forms", List.of(form))))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("jobSeekingId").asText();
    }

    private static String publishedVacancy(Caseworker officer, String employerId, String occupation, int min, int max,
                                           String form) {
        String vacancyId = officer.post("/api/employers/" + employerId + "/vacancies", Map.of("occupation", occupation,
                        "headcount", 2, "wageMin", min, "wageMax", max, "areaAgencyId", STREET, "form", form,
                        "requirements", "一年以上经验"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("vacancyId").asText();
        officer.post("/api/employers/" + employerId + "/vacancies/" + vacancyId + "/publication", Map.of())
                .expectStatus().isOk();
        return vacancyId;
    }

}
