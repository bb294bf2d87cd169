/* The practical limit for one SGD iteration of the 2-2-2 sigmoid network (two-two-two's
 * numbers: half-MSE, learned biases, eta = 0.5): the same arithmetic as backstep's, written
 * out by hand with nothing else: no layers, no loops, no checks, libm's exp.
 *
 *     gcc -O3 -march=native bench/two_two_two_limit.c -o /tmp/limit -lm && /tmp/limit
 *
 * Each iteration depends on the last (the updates feed the next forward pass), so its time is
 * the latency of that chain. Prints the ns per iteration and the weights after 10 000 000
 * iterations (to keep the compiler from dropping the work). */
#include <math.h>
#include <stdio.h>
#include <time.h>

static double sigmoid(double z) {
    double e = exp(-fabs(z));
    return z >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

int main(void) {
    const double x1 = 0.05, x2 = 0.10, d1 = 0.01, d2 = 0.99, eta = 0.5;
    double v11 = 0.15, v12 = 0.20, v21 = 0.25, v22 = 0.30, bv1 = 0.35, bv2 = 0.35;
    double w11 = 0.40, w12 = 0.45, w21 = 0.50, w22 = 0.55, bw1 = 0.60, bw2 = 0.60;
    const long n = 10000000;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) {
        double h1 = sigmoid(v11 * x1 + v12 * x2 + bv1), h2 = sigmoid(v21 * x1 + v22 * x2 + bv2);
        double o1 = sigmoid(w11 * h1 + w12 * h2 + bw1), o2 = sigmoid(w21 * h1 + w22 * h2 + bw2);
        double e1 = (o1 - d1) * o1 * (1 - o1), e2 = (o2 - d2) * o2 * (1 - o2);
        double g1 = (w11 * e1 + w21 * e2) * h1 * (1 - h1), g2 = (w12 * e1 + w22 * e2) * h2 * (1 - h2);
        w11 -= eta * e1 * h1; w12 -= eta * e1 * h2; w21 -= eta * e2 * h1; w22 -= eta * e2 * h2;
        bw1 -= eta * e1; bw2 -= eta * e2;
        v11 -= eta * g1 * x1; v12 -= eta * g1 * x2; v21 -= eta * g2 * x1; v22 -= eta * g2 * x2;
        bv1 -= eta * g1; bv2 -= eta * g2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / n;
    printf("%.1f ns/iteration (W = %.6f %.6f %.6f %.6f)\n", ns, w11, w12, w21, w22);
    return 0;
}
