//! The phases of one iteration, in the order of docs/design.md.

/// One step of an iteration. Layer numbers are 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Nothing of the current iteration has happened yet: the network before iteration 1, or
    /// before the oldest iteration that can still be stepped back into.
    Start,
    /// net_l = W_l a_{l−1} + b_l, a_l = f_l(net_l).
    Forward(usize),
    /// The scenario's loss on this batch.
    Loss,
    /// δ_L = ∂C/∂net_L.
    OutputDelta,
    /// δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′_l(net_l).
    HiddenDelta(usize),
    /// ∂C/∂W_l and ∂C/∂b_l for every layer.
    Gradients,
    /// W_l ← W_l − η ∂C/∂W_l.
    Update(usize),
    /// The iteration is complete; costs over the whole sets are recomputed.
    Done,
}

impl Phase {
    /// The phases of one iteration of a network with `depth` layers:
    /// Forward(1..L), Loss, OutputDelta, HiddenDelta(L−1..1), Gradients, Update(L..1), Done.
    pub fn sequence(depth: usize) -> Vec<Phase> {
        let mut phases: Vec<Phase> = (1..=depth).map(Phase::Forward).collect();
        phases.push(Phase::Loss);
        phases.push(Phase::OutputDelta);
        phases.extend((1..depth).rev().map(Phase::HiddenDelta));
        phases.push(Phase::Gradients);
        phases.extend((1..=depth).rev().map(Phase::Update));
        phases.push(Phase::Done);
        phases
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hidden_layer_has_nine_phases() {
        use Phase::*;
        assert_eq!(
            Phase::sequence(2),
            vec![
                Forward(1),
                Forward(2),
                Loss,
                OutputDelta,
                HiddenDelta(1),
                Gradients,
                Update(2),
                Update(1),
                Done
            ]
        );
        assert_eq!(Phase::sequence(4).len(), 3 * 4 + 3);
    }
}
