//! Whole-set evaluation: the network run forward over a data set a chunk at a time, for the
//! five costs and the confusion matrix.

use super::loss::Costs;
use super::network::Network;
use super::workspace::Workspace;
use crate::data::{Dataset, class_of};

/// Runs `network` forward over all of `data` a chunk (the workspace's capacity) at a time,
/// handing each chunk's workspace to `visit` once its outputs are computed. Returns whether
/// every net was finite.
pub fn forward_in_chunks(
    network: &Network,
    data: &Dataset,
    workspace: &mut Workspace,
    mut visit: impl FnMut(&Workspace),
) -> bool {
    let (mut start, mut finite) = (0, true);
    while start < data.len() {
        let len = workspace.capacity().min(data.len() - start);
        workspace.load_range(data, start, len);
        for i in 0..network.depth() {
            finite &= workspace.forward(network, i);
        }
        visit(workspace);
        start += len;
    }
    finite
}

/// The five costs of `network` over all of `data`, computed in `workspace` a chunk of its
/// capacity at a time. When a net is not finite every cost is NaN: the network has diverged
/// even if its activations hid it (ReLU(−inf) = 0).
pub fn evaluate(network: &Network, data: &Dataset, workspace: &mut Workspace) -> Costs {
    let (mut total, mut count) = (Costs::default(), 0);
    let finite = forward_in_chunks(network, data, workspace, |ws| {
        let out = &ws.out[network.depth() - 1];
        let (sum, n) = Costs::totals(ws.used(out), ws.used(&ws.target), ws.target.nrows());
        total = total.plus(sum);
        count += n;
    });
    if finite {
        total.mean(count)
    } else {
        Costs::not_finite()
    }
}

/// The confusion matrix of `network` over `data` for `classes` classes: entry `[t][p]` counts
/// the samples of true class t predicted as class p (classes as in [`class_of`]).
pub fn confusion(
    network: &Network,
    data: &Dataset,
    classes: usize,
    workspace: &mut Workspace,
) -> Vec<Vec<usize>> {
    let mut matrix = vec![vec![0; classes]; classes];
    forward_in_chunks(network, data, workspace, |ws| {
        let n = ws.target.nrows();
        let out = ws.used(&ws.out[network.depth() - 1]);
        for (o, d) in out.chunks_exact(n).zip(ws.used(&ws.target).chunks_exact(n)) {
            let (t, p) = (class_of(d), class_of(o));
            if t < classes && p < classes {
                matrix[t][p] += 1;
            }
        }
    });
    matrix
}
