/** A learner-style CPU-bound cell (a sieve, a stream over a list), to weigh JIT options: see bench/RESULTS.md. */
public class HotLoop {
    public static void main(String[] a) {
        for (int round = 0; round < 6; round++) {
            long s = System.nanoTime();
            int n = 20_000_000; boolean[] composite = new boolean[n + 1]; int count = 0;
            for (int i = 2; i <= n; i++) { if (!composite[i]) { count++; for (long j = (long) i * i; j <= n; j += i) composite[(int) j] = true; } }
            java.util.List<Integer> list = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000_000; i++) list.add(i * 7 % 1000);
            long sum = list.stream().mapToLong(x -> x).filter(x -> x % 2 == 0).sum();
            System.out.printf("round %d: %d ms (%d, %d)%n", round, (System.nanoTime() - s) / 1_000_000, count, sum);
        }
    }
}
