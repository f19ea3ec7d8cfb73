package org.learnbox.bridge.health;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.learnbox.bridge.config.Sizes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The admin's Box health page: each part's memory and CPU now, the last day's charts (running
 * sandboxes, memory and CPU by part, learners' code at work, spawn times), and the disk of homes
 * and apps, biggest first. The charts read {@code /admin/health/samples}.
 */
@Controller
class BoxHealthController {
    /** The compose services first, in the order a request meets them; then what the bridge starts. */
    static final List<String> ORDER = List.of("proxy", "hub", "bridge", "gateway", "keycloak", "prometheus",
            "sandboxes", "apps", "grading", "builds");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final BoxSampleRepository samples;
    private final BoxDisks disks;
    private final Clock clock;

    BoxHealthController(BoxSampleRepository samples, BoxDisks disks, Clock clock) {
        this.samples = samples;
        this.disks = disks;
        this.clock = clock;
    }

    /** A part of the box as the table shows it; {@code known} says whether its name has words of its own. */
    record PartView(String part, boolean known, String memory, String cpu) {}

    record DiskView(String owner, String name, String size, int percent) {}

    /** The charts' data: minutes (epoch seconds) and, by series, a value or null for each. */
    record Samples(List<Long> times, Map<String, List<Double>> series) {}

    @GetMapping("/admin/health")
    String page(Model model) {
        List<BoxSample> lastDay = samples.findByTakenAtAfterOrderByTakenAt(clock.instant().minus(BoxSampler.KEPT));
        Instant latest = lastDay.isEmpty() ? null : lastDay.getLast().getTakenAt();
        Map<String, Double> now = new TreeMap<>();
        lastDay.stream().filter(s -> s.getTakenAt().equals(latest)).forEach(s -> now.put(s.getSeries(), s.getValue()));
        model.addAttribute("sampledAt", latest == null ? null : SHOWN.format(latest));
        model.addAttribute("running", now.getOrDefault("sandboxes.running", 0.0).intValue());
        model.addAttribute("parts", parts(now));
        model.addAttribute("partNames", ORDER);
        BoxDisks.Measured measured = disks.now();
        model.addAttribute("diskMeasured", measured != null);
        if (measured == null) return "box-health";
        model.addAttribute("diskAt", SHOWN.format(measured.at()));
        model.addAttribute("homes", shown(measured.homes()));
        model.addAttribute("homesTotal", Sizes.shown(measured.homesBytes()));
        model.addAttribute("homesCount", measured.homesCount());
        model.addAttribute("apps", shown(measured.apps()));
        model.addAttribute("appsTotal", Sizes.shown(measured.appsBytes()));
        model.addAttribute("appsCount", measured.appsCount());
        return "box-health";
    }

    @GetMapping(value = "/admin/health/samples", produces = "application/json")
    @ResponseBody
    Samples lastDay() {
        List<BoxSample> lastDay = samples.findByTakenAtAfterOrderByTakenAt(clock.instant().minus(BoxSampler.KEPT));
        TreeSet<Instant> minutes = new TreeSet<>();
        lastDay.forEach(s -> minutes.add(s.getTakenAt()));
        List<Instant> times = new ArrayList<>(minutes);
        Map<Instant, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < times.size(); i++) index.put(times.get(i), i);
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (BoxSample sample : lastDay) {
            List<Double> values = series.computeIfAbsent(sample.getSeries(), any -> new ArrayList<>(java.util.Collections.nCopies(times.size(), null)));
            values.set(index.get(sample.getTakenAt()), sample.getValue());
        }
        return new Samples(times.stream().map(Instant::getEpochSecond).toList(), series);
    }

    private static List<PartView> parts(Map<String, Double> now) {
        return now.keySet().stream().filter(series -> series.startsWith("memory.")).map(series -> series.substring("memory.".length()))
                .sorted(Comparator.comparingInt((String part) -> ORDER.contains(part) ? ORDER.indexOf(part) : ORDER.size()).thenComparing(part -> part))
                .map(part -> new PartView(part, ORDER.contains(part), Sizes.shown(now.get("memory." + part).longValue()),
                        now.containsKey("cpu." + part) ? String.format(java.util.Locale.ROOT, "%.2f", now.get("cpu." + part)) : "-"))
                .toList();
    }

    private static List<DiskView> shown(List<BoxUsage.Disk> disks) {
        long biggest = disks.isEmpty() ? 1 : Math.max(1, disks.getFirst().bytes());
        return disks.stream().map(d -> new DiskView(d.owner(), d.name(), Sizes.shown(d.bytes()), (int) (100 * d.bytes() / biggest))).toList();
    }
}
