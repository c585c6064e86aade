package cn.pes.casework.platform.demo;

import cn.pes.casework.command.policy.SubsidyPolicy;
import cn.pes.casework.events.cancellation.CancelRegistrationCommand;
import cn.pes.casework.events.cancellation.CancellationGround;
import cn.pes.casework.events.cancellation.Evidence;
import cn.pes.casework.events.cancellation.Notification;
import cn.pes.casework.events.employment.EmploymentDetails;
import cn.pes.casework.events.employment.EmploymentType;
import cn.pes.casework.events.employment.RecordEmploymentCommand;
import cn.pes.casework.events.registration.ApproveRegistrationCommand;
import cn.pes.casework.events.registration.EligibilityDeclaration;
import cn.pes.casework.events.registration.PresentedDocument;
import cn.pes.casework.events.registration.RegisterUnemploymentCommand;
import cn.pes.casework.events.registration.UnemploymentReason;
import cn.pes.casework.events.shared.Channel;
import cn.pes.casework.events.shared.IdNumberFormat;
import cn.pes.casework.events.shared.PersonCategory;
import cn.pes.casework.events.shared.PersonalData;
import cn.pes.casework.events.shared.TimeOrderedId;
import cn.pes.casework.events.tracking.ContactMethod;
import cn.pes.casework.events.tracking.EmploymentStatus;
import cn.pes.casework.events.tracking.RecordTrackingContactCommand;
import cn.pes.casework.events.tracking.ServiceGiven;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Plans a synthetic city (模拟城市): persons, their registrations over the last 18 months, monthly
 * tracking contacts, employment and cancellations, as the commands officers would have sent, in date
 * order. Pure and deterministic: the same seed, size, day and agencies give the same commands, IDs
 * included, so a demo city can be rebuilt exactly and a plan compared by its {@link #digest}.
 *
 * <p>Rates are plausible rather than measured: most registrations at a window, a tenth of registrations
 * finding work each month, a few cancellations on other grounds, contacts mostly by phone. A minority
 * uses the services: job introduction with the city's employers and their vacancies
 * ({@link JobIntroductionPlanner}), the counties' monthly recruitment fairs ({@link FairPlanner}), skills
 * subsidies up to their payment ({@link SubsidyPlanner}), entrepreneurship training, guarantee loans and
 * their interest subsidies ({@link EntrepreneurshipPlanner}); each keeps to the rules the aggregates
 * enforce, so the platform accepts every planned command.
 */
public final class SyntheticCity {

    /** How far back registrations reach. */
    static final int HISTORY_DAYS = 548;

    /**
     * County-level region codes (GB/T 2260) for the first six digits: people come from the whole
     * country, most from the city's own province (the first rows, repeated on purpose).
     */
    private static final String[] REGIONS = {
            "420102", "420102", "420106", "420111", "420115", "420106", "421002", "420502",
            "110105", "310104", "440106", "510107", "330106", "410105", "430103", "360102"};
    private static final String[] SURNAMES = {
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林",
            "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹"};
    private static final String[] GIVEN = {
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
            "霞", "平", "刚", "桂", "英", "华", "建", "国", "文", "红", "玉", "兰", "志", "海", "晨", "宇", "欣", "浩"};
    private static final String[] EMPLOYERS = {
            "华中物流有限公司", "东湖电子科技有限公司", "江城建设集团", "新城家政服务中心", "解放街便民超市",
            "西山农业合作社", "人民路餐饮管理有限公司", "城市公交集团"};
    private static final String[] PHONE_PREFIXES = {"130", "133", "135", "136", "138", "139", "150", "152",
            "158", "159", "177", "180", "186", "187", "189", "199"};

    private SyntheticCity() {
    }

    /**
     * @param seed      the city's seed
     * @param persons   how many persons register
     * @param today     the last day anything may happen on (the platform's today)
     * @param agencyIds the agencies people register at: streets and counties, never the city
     * @return the commands in the order to send them: by day, and within a day by plan sequence
     */
    public static List<PlannedCommand> plan(long seed, int persons, LocalDate today, List<String> agencyIds) {
        return plan(seed, persons, today, agencyIds, SubsidyPlanner.DEFAULT_POLICY);
    }

    /**
     * @param subsidyPolicies the subsidy policy in force on a receipt date (the platform's configured
     *                        versions), which sets the amounts a payment must match
     * @see #plan(long, int, LocalDate, List)
     */
    public static List<PlannedCommand> plan(long seed, int persons, LocalDate today, List<String> agencyIds,
                                            Function<LocalDate, SubsidyPolicy> subsidyPolicies) {
        if (agencyIds.isEmpty()) {
            throw new IllegalArgumentException("no agencies to register at");
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> idNumbers = new HashSet<>();
        List<PlannedCommand> planned = new ArrayList<>();
        PlanContext context = new PlanContext(seed, random, today, planned);
        JobIntroductionPlanner jobs = new JobIntroductionPlanner(context);
        // A few dozen employers for a city of thousands; a handful for a small test city.
        jobs.employers(Math.max(6, Math.min(48, persons / 8)), agencyIds, HISTORY_DAYS);
        Set<String> agencies = Set.copyOf(agencyIds);
        FairPlanner fairs = new FairPlanner(context);
        fairs.fairs(agencyIds.stream().map(agency -> county(agency, agencies)).distinct().toList(),
                agency -> county(agency, agencies), jobs.openVacancies(), HISTORY_DAYS);
        Planner planner = new Planner(context, jobs, fairs, new SubsidyPlanner(context, subsidyPolicies),
                new EntrepreneurshipPlanner(context), agencies);
        for (int p = 0; p < persons; p++) {
            planner.person(p, agencyIds.get(random.nextInt(agencyIds.size())), idNumbers);
        }
        fairs.closings();
        planned.sort(Comparator.comparing(PlannedCommand::on).thenComparingInt(PlannedCommand::sequence));
        return List.copyOf(planned);
    }

    /**
     * SHA-256 over every command of the plan, personal data in clear (their {@code toString} masks it),
     * so two plans with the same digest send the same commands.
     */
    public static String digest(List<PlannedCommand> plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PlannedCommand command : plan) {
                sha.update(command.toString().getBytes(StandardCharsets.UTF_8));
                if (command.command() instanceof RegisterUnemploymentCommand register) {
                    PersonalData person = register.person();
                    sha.update((person.idNumber() + '|' + person.name() + '|' + person.phone())
                            .getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The county above a street agency (its first six digits) where the city lists it, else the agency. */
    private static String county(String agencyId, Set<String> agencyIds) {
        return agencyId.length() > 6 && agencyIds.contains(agencyId.substring(0, 6))
                ? agencyId.substring(0, 6) : agencyId;
    }

    /** The persons' ID numbers of a plan (for checks; never logged). */
    static List<String> idNumbers(List<PlannedCommand> plan) {
        return plan.stream().map(PlannedCommand::command)
                .filter(RegisterUnemploymentCommand.class::isInstance)
                .map(c -> ((RegisterUnemploymentCommand) c).person().idNumber())
                .toList();
    }

    private static final class Planner {

        private final PlanContext context;
        private final long seed;
        private final SplittableRandom random;
        private final LocalDate today;
        private final JobIntroductionPlanner jobs;
        private final FairPlanner fairs;
        private final SubsidyPlanner subsidies;
        private final EntrepreneurshipPlanner entrepreneurship;
        private final Set<String> agencyIds;
        /** Seeded, so time-ordered IDs are the same for the same seed. */
        private final Random idRandom;

        Planner(PlanContext context, JobIntroductionPlanner jobs, FairPlanner fairs, SubsidyPlanner subsidies,
                EntrepreneurshipPlanner entrepreneurship, Set<String> agencyIds) {
            this.context = context;
            this.seed = context.seed;
            this.random = context.random;
            this.today = context.today;
            this.jobs = jobs;
            this.fairs = fairs;
            this.subsidies = subsidies;
            this.entrepreneurship = entrepreneurship;
            this.agencyIds = agencyIds;
            this.idRandom = new Random(seed);
        }

        void person(int index, String agencyId, Set<String> idNumbers) {
            LocalDate appliedOn = today.minusDays(1 + random.nextInt(HISTORY_DAYS));
            int age = 16 + random.nextInt(45); // 16..60 on the day of application
            boolean male = random.nextInt(100) < 54;
            String idNumber = idNumber(appliedOn, age, male, idNumbers);
            String surname = SURNAMES[random.nextInt(SURNAMES.length)];
            String name = surname + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextInt(100) < 70 ? GIVEN[random.nextInt(GIVEN.length)] : "");
            String phone = PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)]
                    + String.format("%08d", random.nextInt(100_000_000));
            UnemploymentReason reason = reason(age);
            Set<PersonCategory> categories = categories(age, reason);
            boolean online = random.nextInt(100) < 20;
            Channel channel = online ? List.of(Channel.CITY_PES_CLOUD, Channel.PROVINCIAL_GOVERNMENT_WEB,
                    Channel.NATIONAL_HRSS_PLATFORM).get(random.nextInt(3)) : Channel.WINDOW;
            PresentedDocument document = online ? null : PresentedDocument.values()[random.nextInt(3)];
            String officerId = "demo-officer-" + agencyId + "-" + (1 + random.nextInt(3));
            String caseId = TimeOrderedId.next(appliedOn.atTime(9, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli()
                    + index, idRandom);

            add(appliedOn, caseId, officerId, agencyId, channel.name(),
                    new RegisterUnemploymentCommand(caseId, new PersonalData(idNumber, name, phone), appliedOn, channel,
                            document, new EligibilityDeclaration(false, false, true, true), reason, categories,
                            agencyId));
            LocalDate registeredOn = appliedOn;
            if (online) {
                // Decided within the online decision period (REG-5), on the day the officer decides.
                registeredOn = appliedOn.plusDays(1 + random.nextInt(3));
                if (registeredOn.isAfter(today)) {
                    return; // still pending today, as some applications are
                }
                add(registeredOn, caseId, officerId, agencyId, Channel.BACK_OFFICE.name(),
                        new ApproveRegistrationCommand(caseId, registeredOn));
            }
            spell(new PlanContext.Spell(caseId, officerId, agencyId, county(agencyId, agencyIds), registeredOn, null,
                    IdNumberFormat.birthDateOf(idNumber), male, surname, categories), age);
        }

        /**
         * Monthly tracking until the person finds work, the registration is cancelled, or today; and the
         * services some persons use while registered. The end is decided first, so that the services fit
         * inside the spell; it is planned last, so that on its day it comes after them.
         */
        private void spell(PlanContext.Spell registered, int age) {
            LocalDate registeredOn = registered.registeredOn();
            List<LocalDate> contacts = new ArrayList<>();
            LocalDate contactOn = registeredOn.plusDays(20 + random.nextInt(15));
            LocalDate endsOn = null;
            LocalDate foundOn = null;
            while (!contactOn.isAfter(today)) {
                int roll = random.nextInt(1000);
                if (roll < 100) {
                    // Work is learnt of at a contact; it started up to some days before, not before the spell.
                    foundOn = contactOn;
                    LocalDate startedOn = contactOn.minusDays(random.nextInt(10));
                    endsOn = startedOn.isBefore(registeredOn) ? registeredOn : startedOn;
                    break;
                }
                if (roll < 112) {
                    endsOn = contactOn;
                    break;
                }
                contacts.add(contactOn);
                contactOn = contactOn.plusDays(25 + random.nextInt(11));
            }
            PlanContext.Spell spell = new PlanContext.Spell(registered.caseId(), registered.officerId(),
                    registered.agencyId(), registered.countyAgencyId(), registeredOn, endsOn, registered.birthDate(),
                    registered.male(), registered.surname(), registered.categories());
            String caseId = spell.caseId();
            String officerId = spell.officerId();
            String agencyId = spell.agencyId();
            for (LocalDate on : contacts) {
                contact(caseId, officerId, agencyId, on, EmploymentStatus.UNEMPLOYED, null);
            }
            JobIntroductionPlanner.JobSeeker seeker = jobs.jobSeeking(spell, foundOn, age);
            boolean hired = seeker != null && seeker.hired();
            fairs.participants(spell, seeker);
            subsidies.subsidy(spell);
            entrepreneurship.entrepreneurship(spell);
            if (hired || endsOn == null) {
                return;
            }
            if (foundOn != null) {
                employed(caseId, officerId, agencyId, endsOn, foundOn);
            } else {
                cancelled(caseId, officerId, agencyId, endsOn, age);
            }
        }

        /** Recorded on {@code foundOn}, the work having started on {@code startedOn}, up to some days before. */
        private void employed(String caseId, String officerId, String agencyId, LocalDate startedOn,
                              LocalDate foundOn) {
            EmploymentType type = weighted(new EmploymentType[]{EmploymentType.EMPLOYED_BY_UNIT,
                    EmploymentType.FLEXIBLE, EmploymentType.SELF_EMPLOYED}, 65, 25, 10);
            EmploymentDetails job = new EmploymentDetails(type,
                    type == EmploymentType.FLEXIBLE ? null : EMPLOYERS[random.nextInt(EMPLOYERS.length)], startedOn);
            if (random.nextBoolean()) {
                EmploymentStatus status = switch (type) {
                    case EMPLOYED_BY_UNIT -> EmploymentStatus.EMPLOYED_BY_UNIT;
                    case FLEXIBLE -> EmploymentStatus.FLEXIBLE;
                    case SELF_EMPLOYED -> EmploymentStatus.SELF_EMPLOYED;
                };
                contact(caseId, officerId, agencyId, foundOn, status, job);
            } else {
                Evidence evidence = random.nextBoolean()
                        ? new Evidence(Evidence.EvidenceSource.DATA_MATCH, "社保参保登记", "参保缴费记录")
                        : new Evidence(Evidence.EvidenceSource.DOCUMENT, "劳动合同", "本人提交劳动合同");
                add(foundOn, caseId, officerId, agencyId, Channel.BACK_OFFICE.name(),
                        new RecordEmploymentCommand(caseId, job, evidence, foundOn));
            }
        }

        private void cancelled(String caseId, String officerId, String agencyId, LocalDate on, int age) {
            CancellationGround ground = age >= 55 && random.nextBoolean() ? CancellationGround.RECEIVES_PENSION
                    : age <= 22 && random.nextBoolean() ? CancellationGround.FULL_TIME_SCHOOL
                    : weighted(new CancellationGround[]{CancellationGround.DROPPED_JOB_SEEKING,
                    CancellationGround.MOVED_ABROAD, CancellationGround.ENLISTED, CancellationGround.LOST_ABILITY_TO_WORK},
                    70, 15, 10, 5);
            add(on, caseId, officerId, agencyId, Channel.BACK_OFFICE.name(),
                    new CancelRegistrationCommand(caseId, ground,
                            new Evidence(Evidence.EvidenceSource.STATEMENT, null, "本人书面说明"), on,
                            new Notification(Notification.NotificationMethod.PHONE, on), on));
        }

        private void contact(String caseId, String officerId, String agencyId, LocalDate on, EmploymentStatus status,
                             EmploymentDetails job) {
            ContactMethod method = weighted(new ContactMethod[]{ContactMethod.PHONE, ContactMethod.ON_SITE_VISIT,
                    ContactMethod.INFORMATION_COMPARISON}, 75, 15, 10);
            // A phone call is sometimes not answered; a visit or a data match always finds something.
            boolean reached = job != null || method != ContactMethod.PHONE || random.nextInt(100) < 90;
            Set<ServiceGiven> services = EnumSet.noneOf(ServiceGiven.class);
            if (reached) {
                services.add(ServiceGiven.POLICY_INFORMATION);
                if (random.nextInt(100) < 40) {
                    services.add(ServiceGiven.JOB_INTRODUCTION);
                }
                if (random.nextInt(100) < 20) {
                    services.add(ServiceGiven.CAREER_GUIDANCE);
                }
            }
            String contactId = context.nextId();
            add(on, caseId, officerId, agencyId, Channel.BACK_OFFICE.name(),
                    new RecordTrackingContactCommand(caseId, contactId, on, method,
                            method == ContactMethod.INFORMATION_COMPARISON ? "社保参保信息比对" : null,
                            reached, reached ? status : null, services,
                            reached ? (job == null ? "继续跟踪" : "已就业") : "下月再联系", job, null, null, on));
        }

        private void add(LocalDate on, String caseId, String officerId, String agencyId, String channel,
                         Object command) {
            context.add(on, caseId, officerId, agencyId, channel, command);
        }

        /** GB 11643: region, birth date, sequence (odd for men), check character. */
        private String idNumber(LocalDate appliedOn, int age, boolean male, Set<String> taken) {
            while (true) {
                // Born between age+1 years and age years before the application: exactly {@code age} that day.
                LocalDate latest = appliedOn.minusYears(age);
                LocalDate birth = latest.minusDays(random.nextInt(365));
                int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
                String first17 = REGIONS[random.nextInt(REGIONS.length)]
                        + birth.toString().replace("-", "") + String.format("%03d", sequence);
                String number = first17 + IdNumberFormat.checkCharacter(first17);
                if (taken.add(number)) {
                    return number;
                }
            }
        }

        private UnemploymentReason reason(int age) {
            if (age <= 24 && random.nextInt(100) < 60) {
                return UnemploymentReason.GRADUATE;
            }
            return weighted(new UnemploymentReason[]{UnemploymentReason.LOST_JOB,
                    UnemploymentReason.FLEXIBLE_WORK_ENDED, UnemploymentReason.RURAL_WORKER,
                    UnemploymentReason.OWN_BUSINESS_CLOSED, UnemploymentReason.LAND_REQUISITIONED,
                    UnemploymentReason.DISCHARGED_SOLDIER, UnemploymentReason.RELEASED_FROM_PRISON,
                    UnemploymentReason.OTHER}, 50, 15, 12, 7, 4, 3, 1, 8);
        }

        private Set<PersonCategory> categories(int age, UnemploymentReason reason) {
            Set<PersonCategory> categories = EnumSet.noneOf(PersonCategory.class);
            if (reason == UnemploymentReason.GRADUATE) {
                categories.add(PersonCategory.GRADUATE);
            }
            if (reason == UnemploymentReason.DISCHARGED_SOLDIER) {
                categories.add(PersonCategory.VETERAN);
            }
            if (reason == UnemploymentReason.RELEASED_FROM_PRISON) {
                categories.add(PersonCategory.RELEASED_PRISONER);
            }
            if (random.nextInt(100) < (age >= 45 ? 25 : 8)) {
                categories.add(PersonCategory.EMPLOYMENT_DIFFICULTY);
            }
            if (random.nextInt(100) < 5) {
                categories.add(PersonCategory.LOW_INCOME_FAMILY);
            }
            if (random.nextInt(100) < 3) {
                categories.add(PersonCategory.DISABLED);
            }
            if (random.nextInt(100) < 2) {
                categories.add(PersonCategory.ZERO_EMPLOYMENT_FAMILY);
            }
            return categories;
        }

        private <T> T weighted(T[] values, int... weights) {
            return context.weighted(values, weights);
        }
    }
}
