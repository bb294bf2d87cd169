//! One run of a scenario: its phase machine, the cost curves it has drawn so far and the
//! gradient health of its latest iteration. Normal mode moves one run; compare mode moves
//! several together ([`Lockstep`]). Nothing here draws.

use std::cell::{Ref, RefCell};

use super::curves::{Curves, Point};
use super::pace::{Clock, Pace, full_speed};
use crate::nn::boundary::{Boundary, Plane, boundary};
use crate::nn::health::{LayerHealth, layer_health};
use crate::nn::stepper::{HISTORY_BYTES, HISTORY_ITERATIONS};
use crate::nn::{Divergence, Network, Phase, Stepper, Stop, StopWatch};
use crate::scenario::compare::EpochsToTarget;
use crate::text::divergence::describe;
use crate::words;

/// A stepper with what the view keeps about its past.
pub struct Run {
    /// What tells it apart in compare mode, e.g. `mse`.
    pub label: String,
    /// The phase machine.
    pub stepper: Stepper,
    /// The costs after every completed iteration.
    pub curves: Curves,
    /// The gradient health of the latest iteration that got as far as its gradients, with
    /// that iteration's epoch and number.
    pub health: Option<(usize, usize, Vec<LayerHealth>)>,
    /// The confusion matrix the classes view shows, and the completed iterations it was
    /// computed after (kept so that frames do not recompute it).
    pub confusion: Option<(u64, Vec<Vec<usize>>)>,
    /// The decision boundary the boundary view draws, with the completed iterations and the
    /// hidden layer it was computed for (kept so that frames do not recompute it).
    boundary: RefCell<Option<((u64, usize), Boundary)>>,
    /// In compare mode, the first epoch end that met the comparison's target.
    pub target: Option<EpochsToTarget>,
    /// The divergence that stopped the last move, until a move succeeds or one is undone.
    pub diverged: Option<Divergence>,
    /// The scenario's epochs and stop rules, fed the costs at every epoch end.
    pub stop: StopWatch,
    /// Why auto-run stopped this run (see [`Run::halted`]).
    stopped: Option<Stop>,
    /// Set by `r` after a stop: auto-run goes on beyond the scenario's epochs and rules.
    pub beyond: bool,
}

impl Run {
    /// A run at its stepper's start, with the first point of its curves.
    pub fn new(label: String, stepper: Stepper) -> Run {
        let training = stepper.training();
        let stop = StopWatch::new(training.stop, training.epochs);
        let mut run = Run {
            label,
            stepper,
            curves: Curves::default(),
            health: None,
            confusion: None,
            boundary: RefCell::new(None),
            target: None,
            diverged: None,
            stop,
            stopped: None,
            beyond: false,
        };
        run.record();
        run
    }

    /// The same run, watching for the first epoch end that meets `target` (from the epoch
    /// ends still to come, and the current one if it stands at one).
    pub fn watching(mut self, target: EpochsToTarget) -> Run {
        self.target = Some(target);
        self.note_target();
        self
    }

    /// The next phase.
    pub fn step(&mut self) -> Result<(), Divergence> {
        self.moving(Stepper::step)
    }

    /// Steps to the end of the iteration.
    pub fn finish_iteration(&mut self) -> Result<(), Divergence> {
        self.moving(Stepper::finish_iteration)
    }

    /// Finishes whole iterations until the last of the epoch (runs with smaller batches take
    /// more), adding a point to the curves after each.
    pub fn finish_epoch(&mut self) -> Result<(), Divergence> {
        loop {
            self.finish_iteration()?;
            if self.stepper.iteration() == self.stepper.iterations_per_epoch() {
                return Ok(());
            }
        }
    }

    /// `iterations` whole iterations through the fast path, adding a point at the end; while
    /// a target is watched and not met, it stops at every epoch end to check it.
    /// It also stops at the epoch ends the stop rules check, and stops once they stop it.
    pub fn fast_forward(&mut self, iterations: u64) -> Result<(), Divergence> {
        let mut left = iterations;
        while left > 0 && self.halted().is_none() {
            let per_epoch = self.stepper.iterations_per_epoch() as u64;
            let to_epoch_end = per_epoch - self.stepper.completed() % per_epoch;
            let piece = if self.target.is_some_and(|t| t.reached().is_none()) {
                left.min(to_epoch_end)
            } else {
                left
            };
            let piece = piece.min(self.to_stop_check(to_epoch_end));
            self.moving(|s| s.fast_forward(piece))?;
            left -= piece;
        }
        Ok(())
    }

    /// Replays from the start through the fast path to each of `points` (iterations
    /// completed) in turn, taking a point of the curves at each as the run took them, so that
    /// the curves, the stop rules and the target see what they saw.
    pub fn replay(&mut self, points: &[u64]) -> Result<(), Divergence> {
        for &point in points {
            let left = point.saturating_sub(self.stepper.completed());
            if left > 0 {
                self.moving(|s| s.fast_forward(left))?;
            }
        }
        Ok(())
    }

    /// Undoes a phase, forgetting the points of the iterations undone; false when the
    /// history ends here.
    pub fn back(&mut self) -> bool {
        self.going_back(Stepper::back)
    }

    /// Goes back to the end of the iteration after which `done` iterations are complete
    /// (0: the start), forgetting the points after it; false when that is out of reach.
    pub fn back_to(&mut self, done: u64) -> bool {
        self.going_back(|s| s.back_to(done))
    }

    /// Moves back with `action`, then forgets the points and the target of what was undone,
    /// and ends the curve at the iteration it now stands on.
    fn going_back(&mut self, action: impl FnOnce(&mut Stepper) -> bool) -> bool {
        if !action(&mut self.stepper) {
            return false;
        }
        self.diverged = self.stepper.replayed_divergence().cloned();
        let completed = self.stepper.completed();
        self.curves.truncate_after(completed);
        if let Some(target) = &mut self.target {
            let per_epoch = self.stepper.iterations_per_epoch() as u64;
            target.forget_after((completed / per_epoch) as usize);
        }
        // Full speed draws a point a chunk: the curve ends where the run now stands.
        if self.curves.last().is_some_and(|p| p.iteration < completed) {
            self.record();
        }
        self.note_health();
        true
    }

    /// Recomputes the confusion matrix when iterations were completed (or undone) since it
    /// was last computed.
    pub fn refresh_confusion(&mut self) {
        let completed = self.stepper.completed();
        if self
            .confusion
            .as_ref()
            .is_none_or(|(at, _)| *at != completed)
        {
            self.confusion = Some((completed, self.confusion_matrix()));
        }
    }

    /// The confusion matrix after the completed iterations, over the validation set (or the
    /// training set when none is held out).
    fn confusion_matrix(&self) -> Vec<Vec<usize>> {
        let s = &self.stepper;
        let network = self.completed_network();
        let (train, validation) = (s.train_set(), s.validation_set());
        let shown = if validation.is_empty() {
            train
        } else {
            validation
        };
        let mut workspace = crate::nn::Workspace::for_evaluation(network, shown.len());
        let classes = train.targets.nrows().max(2);
        crate::nn::evaluate::confusion(network, shown, classes, &mut workspace)
    }

    /// The weights after the last completed iteration: the network once the iteration is
    /// done, else the weights it started from.
    fn completed_network(&self) -> &Network {
        let s = &self.stepper;
        if s.phase() == Phase::Done {
            s.network()
        } else {
            s.weights_before()
        }
    }

    /// The decision boundary after the completed iterations over `columns` × `rows` cells of
    /// the training data's plane, with hidden layer `layer`'s activations; computed again
    /// only when the iterations, the layer or the grid changed. None unless the network has
    /// two inputs.
    pub fn boundary(&self, columns: usize, rows: usize, layer: usize) -> Option<Ref<'_, Boundary>> {
        let key = (self.stepper.completed(), layer);
        let stale =
            self.boundary.borrow().as_ref().is_none_or(|(k, b)| {
                *k != key || (b.plane.columns, b.plane.rows) != (columns, rows)
            });
        if stale {
            let plane = Plane::around(self.stepper.train_set(), columns, rows);
            let fresh = boundary(self.completed_network(), plane, layer);
            *self.boundary.borrow_mut() = fresh.map(|b| (key, b));
        }
        Ref::filter_map(self.boundary.borrow(), |b| b.as_ref().map(|(_, b)| b)).ok()
    }

    /// Moves the stepper with `action`, then adds a point if iterations were completed and
    /// keeps the health of an iteration that reached its gradients (also after a divergence).
    fn moving(
        &mut self,
        action: impl FnOnce(&mut Stepper) -> Result<(), Divergence>,
    ) -> Result<(), Divergence> {
        let before = self.stepper.completed();
        let result = action(&mut self.stepper);
        self.diverged = result.as_ref().err().cloned();
        if self.stepper.completed() > before {
            self.record();
        }
        self.note_health();
        result
    }

    fn note_health(&mut self) {
        let s = &self.stepper;
        if s.reached(Phase::Gradients) {
            self.health = Some((
                s.epoch(),
                s.iteration(),
                layer_health(s.network(), s.workspace()),
            ));
        }
    }

    fn record(&mut self) {
        let s = &self.stepper;
        let completed = s.completed();
        self.curves.push(Point {
            iteration: completed,
            epoch: completed as f64 / s.iterations_per_epoch() as f64,
            train: s.costs(),
            validation: s.validation_costs(),
        });
        self.note_target();
        self.note_stop();
    }

    /// Notes the training costs in the watched target when the run stands at an epoch end.
    fn note_target(&mut self) {
        let s = &self.stepper;
        let per_epoch = s.iterations_per_epoch() as u64;
        if let Some(target) = &mut self.target
            && s.completed().is_multiple_of(per_epoch)
        {
            target.note((s.completed() / per_epoch) as usize, &s.costs());
        }
    }
}

impl Run {
    /// Why auto-run does not move this run: the stop it reached, while the run stands at or
    /// after it (not after stepping back before it, nor once `r` went beyond).
    pub fn halted(&self) -> Option<Stop> {
        let per_epoch = self.stepper.iterations_per_epoch() as u64;
        self.stopped
            .filter(|s| !self.beyond && self.stepper.completed() >= s.epoch() as u64 * per_epoch)
    }

    /// `r` after a stop: auto-run goes on beyond the scenario; what it says, if it was
    /// stopped.
    pub fn go_beyond(&mut self) -> Option<String> {
        let stop = self.halted()?;
        self.beyond = true;
        Some(crate::text::stop::beyond(&stop, self.stop.epochs()))
    }

    /// The iterations the fast path may take before the stop rules must look: to the epoch
    /// end (`to_epoch_end` away) when a rule watches costs, else to the end of the
    /// scenario's epochs; no limit beyond the scenario.
    fn to_stop_check(&self, to_epoch_end: u64) -> u64 {
        let per_epoch = self.stepper.iterations_per_epoch() as u64;
        let end = (self.stop.epochs() as u64).saturating_mul(per_epoch);
        let completed = self.stepper.completed();
        if self.beyond {
            u64::MAX
        } else if self.stop.watches_costs() {
            to_epoch_end
        } else if completed < end {
            end - completed
        } else {
            u64::MAX
        }
    }

    /// Notes the training costs in the stop watch when the run stands at an epoch end.
    fn note_stop(&mut self) {
        let s = &self.stepper;
        let per_epoch = s.iterations_per_epoch() as u64;
        if !self.beyond && s.completed().is_multiple_of(per_epoch) {
            let epoch = (s.completed() / per_epoch) as usize;
            if let Some(stop) = self.stop.note(epoch, &s.costs()) {
                self.stopped = Some(stop);
            }
        }
    }
}

/// Runs moved together, phase by phase: compare mode's copies, or normal mode's one run. A
/// move reports what went wrong as the notice to show.
pub struct Lockstep<'a>(pub &'a mut [Run]);

/// Where a phase of iteration `iteration` stands in the order copies of different depths
/// keep together: the iteration, then the phase's kind (a deeper copy's extra forward,
/// hidden-delta or update phases share their kind with the others').
fn place(phase: Phase, iteration: u64) -> (u64, u8) {
    let kind = match phase {
        Phase::Start => 0,
        Phase::Forward(_) => 1,
        Phase::Loss => 2,
        Phase::OutputDelta => 3,
        Phase::HiddenDelta(_) => 4,
        Phase::Gradients => 5,
        Phase::Update(_) => 6,
        Phase::Done => 7,
    };
    (iteration, kind)
}

/// Where `s` stands now: a finished iteration counts itself, any other phase belongs to the
/// iteration under way; then how many phases of its kind it has taken (a deeper copy's third
/// forward pass is further along than another copy's second).
fn here(s: &Stepper) -> (u64, u8, usize) {
    let iteration = match s.phase() {
        Phase::Done => s.completed(),
        _ => s.completed() + 1,
    };
    let (iteration, kind) = place(s.phase(), iteration);
    let taken = s
        .phases()
        .iter()
        .position(|p| *p == s.phase())
        .map_or(0, |i| {
            let same = |p: &&Phase| place(**p, 0).1 == kind;
            s.phases()[..=i].iter().filter(same).count()
        });
    (iteration, kind, taken)
}

/// Where the next phase of `s` stands: always in the iteration after those completed.
fn next(s: &Stepper) -> (u64, u8) {
    let at = s.phases().iter().position(|p| *p == s.phase());
    let phase = at
        .and_then(|i| s.phases().get(i + 1))
        .unwrap_or(&s.phases()[0]);
    place(*phase, s.completed() + 1)
}

impl Lockstep<'_> {
    /// The next phase, on every run whose next phase comes first: copies of different depths
    /// keep together by the kind of phase (a deeper copy's third forward pass while the
    /// others wait before the loss).
    pub fn step(&mut self) -> Result<(), String> {
        let first = self.0.iter().map(|r| next(&r.stepper)).min();
        self.each(|r| match Some(next(&r.stepper)) == first {
            true => r.step(),
            false => Ok(()),
        })
    }

    /// Finishes the iteration on every run.
    pub fn finish_iteration(&mut self) -> Result<(), String> {
        self.each(Run::finish_iteration)
    }

    /// Finishes each run's epoch.
    pub fn finish_epoch(&mut self) -> Result<(), String> {
        self.each(Run::finish_epoch)
    }

    /// Undoes a phase on every run furthest along (all of them, unless copies differ in
    /// depth), or on none when one of them cannot go back.
    pub fn back(&mut self) -> Result<(), String> {
        let last = self.0.iter().map(|r| here(&r.stepper)).max();
        let moving = |r: &Run| Some(here(&r.stepper)) == last;
        if self
            .0
            .iter()
            .any(|r| moving(r) && !r.stepper.can_step_back())
        {
            return Err(self.history_end());
        }
        for run in self.0.iter_mut().filter(|r| moving(r)) {
            run.back();
        }
        self.replay_problems()
    }

    /// What the runs' last step back found non-finite, a line per run (after its label when
    /// there are several).
    fn replay_problems(&self) -> Result<(), String> {
        let several = self.0.len() > 1;
        let problems: Vec<String> = (self.0.iter())
            .filter_map(|run| {
                let d = run.stepper.replayed_divergence()?;
                Some(match several {
                    true => format!("{}: {}", run.label, describe(d)),
                    false => describe(d),
                })
            })
            .collect();
        match problems.is_empty() {
            true => Ok(()),
            false => Err(problems.join("\n")),
        }
    }

    /// Steps every run back a whole iteration, or none when one of them cannot.
    pub fn back_iteration(&mut self) -> Result<(), String> {
        self.back_to_each(Stepper::previous_iteration_end)
    }

    /// Steps every run back a whole epoch, or none when one of them cannot.
    pub fn back_epoch(&mut self) -> Result<(), String> {
        self.back_to_each(Stepper::previous_epoch_end)
    }

    /// Moves every run back to where `target` says, or none when one of them cannot go there.
    fn back_to_each(&mut self, target: fn(&Stepper) -> Option<u64>) -> Result<(), String> {
        let targets: Option<Vec<u64>> = (self.0.iter())
            .map(|r| target(&r.stepper).filter(|done| r.stepper.can_go_back_to(*done)))
            .collect();
        let Some(targets) = targets else {
            return Err(self.history_end());
        };
        for (run, done) in self.0.iter_mut().zip(targets) {
            run.back_to(done);
        }
        self.replay_problems()
    }

    /// Why the runs cannot go further back: at the start, or at the end of the history.
    fn history_end(&self) -> String {
        if self.0[0].stepper.completed() == 0 {
            words!("view-undo-start")
        } else {
            words!(
                "view-undo-history-end",
                iterations = HISTORY_ITERATIONS.to_string(),
                mebibytes = (HISTORY_BYTES / (1024 * 1024)).to_string()
            )
        }
    }

    /// One auto-run step at `pace`; it stops at the first divergence. At full speed the
    /// budget is measured on `clock`. Runs that a stop halted wait while the others go on;
    /// when every run is halted, the result says why.
    pub fn advance(&mut self, pace: Pace, clock: &dyn Clock) -> Result<(), String> {
        let moving = |r: &Run| r.halted().is_none();
        match pace {
            Pace::Phases(n) => (0..n).try_for_each(|_| self.each_moving(Run::step)),
            Pace::Iterations(n) => (0..n).try_for_each(|_| self.each_moving(Run::finish_iteration)),
            Pace::Full => {
                let mut result = Ok(());
                full_speed(clock, self.0.len(), |chunk| {
                    result = self.each_moving(|r| r.fast_forward(chunk));
                    result.is_ok() && self.0.iter().any(moving)
                });
                result
            }
        }?;
        self.finished()
    }

    /// `action` on every run no stop halted.
    fn each_moving(
        &mut self,
        mut action: impl FnMut(&mut Run) -> Result<(), Divergence>,
    ) -> Result<(), String> {
        self.each(|r| match r.halted() {
            Some(_) => Ok(()),
            None => action(r),
        })
    }

    /// Why auto-run stops when every run is halted (a line per run, after its label when
    /// there are several).
    pub fn finished(&self) -> Result<(), String> {
        let stops: Option<Vec<Stop>> = self.0.iter().map(Run::halted).collect();
        let Some(stops) = stops else {
            return Ok(());
        };
        let several = self.0.len() > 1;
        let lines: Vec<String> = self
            .0
            .iter()
            .zip(&stops)
            .map(|(run, stop)| {
                let words = crate::text::stop::describe(stop);
                if several {
                    format!("{}: {words}", run.label)
                } else {
                    words
                }
            })
            .collect();
        Err(lines.join("\n"))
    }

    /// `r` after a stop: every halted run goes on beyond the scenario; what that says.
    pub fn go_beyond(&mut self) -> Option<String> {
        let said: Vec<String> = self.0.iter_mut().filter_map(Run::go_beyond).collect();
        said.into_iter().next()
    }

    /// Moves every run with `action`, even after one diverges. Each divergence is a line of
    /// the result, after its run's label when there are several runs to tell apart.
    fn each(
        &mut self,
        mut action: impl FnMut(&mut Run) -> Result<(), Divergence>,
    ) -> Result<(), String> {
        let several = self.0.len() > 1;
        let problems: Vec<String> = self
            .0
            .iter_mut()
            .filter_map(|run| {
                let divergence = action(run).err()?;
                Some(if several {
                    format!("{}: {}", run.label, describe(&divergence))
                } else {
                    describe(&divergence)
                })
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    /// The binary cross-entropy copy of mse-vs-ce, watching its declared target.
    fn watched() -> Run {
        let base = Scenario::load("mse-vs-ce").unwrap();
        let c = base.comparison.clone().unwrap();
        let setup = c.copies[1].setup().unwrap();
        let target = EpochsToTarget::new(c.target_cost, c.target);
        Run::new("binary-cross-entropy".into(), setup.stepper()).watching(target)
    }

    #[test]
    fn stepping_back_before_the_epoch_that_met_the_target_forgets_it() {
        let mut run = watched();
        assert_eq!(run.target.unwrap().reached(), None, "not at the start");
        while run.target.unwrap().reached().is_none() {
            run.finish_epoch().unwrap();
            assert!(run.stepper.epoch() <= 10, "reached within ten epochs");
        }
        let epoch = run.target.unwrap().reached().unwrap();
        assert_eq!(run.stepper.epoch(), epoch);
        // Back from Done to the last update of that epoch: its end is undone.
        assert!(run.back());
        assert_eq!(run.target.unwrap().reached(), None);
        run.step().unwrap();
        assert_eq!(run.target.unwrap().reached(), Some(epoch));
        // Further training keeps the first epoch that met it.
        run.finish_epoch().unwrap();
        assert_eq!(run.target.unwrap().reached(), Some(epoch));
    }
}
