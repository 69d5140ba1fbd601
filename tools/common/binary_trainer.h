// The training loop the binary token classifiers share (train-triggers, train-cues): an averaged
// perceptron over precomputed feature vectors, shuffled each epoch from a fixed seed; after every
// epoch the model is exported (quantised, pruned), serialised and read back, and after_epoch
// scores that copy, so the figure printed is the one of the bytes that ship.
#pragma once
#include "tagging/model.h"
#include "tagging/perceptron.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace binary_trainer {

struct Instance { const std::vector<uint64_t>* feats; int gold; };   // gold: 1 = the class, 0 = not

// The model as it ships: p exported into a copy of meta (quantised, pruned), serialised into
// *bytes and read back into *back; false (and a message naming `tool`) when the round trip fails.
inline bool read_back(const ae::tagging::AveragedPerceptron& p, const ae::tagging::LinearModel& meta,
                      const ae::tagging::AveragedPerceptron::Export& ex, const char* tool,
                      ae::tagging::LinearModel* back, std::string* bytes) {
    ae::tagging::LinearModel m = meta;
    p.export_model(m, ex);
    *bytes = serialize(m);
    std::string err;
    if (!deserialize(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size(), *back, &err)) {
        std::fprintf(stderr, "%s: round trip failed: %s\n", tool, err.c_str());
        return false;
    }
    return true;
}

// Writes the model to `path`; *bytes gets its serialised size. False (and a message naming
// `tool`) when the file cannot be written.
inline bool write_model(const ae::tagging::LinearModel& m, const std::string& path, const char* tool, size_t* bytes) {
    const std::string data = serialize(m);
    std::ofstream out(path, std::ios::binary);
    out.write(data.data(), std::streamsize(data.size()));
    if (!out) { std::fprintf(stderr, "%s: cannot write %s\n", tool, path.c_str()); return false; }
    *bytes = data.size();
    return true;
}

// decide(scores[2]) -> bool: the core's decision rule. after_epoch(epoch, errors, instances,
// const LinearModel& read_back, size_t bytes) prints the epoch's line. On success *out is the
// model of the last epoch (without its note). passive_aggressive: update whenever the truth wins
// by less than a margin of 1, by just enough (as the taggers' --learner pa), not only on mistakes.
template <class Decide, class AfterEpoch>
bool train(std::vector<Instance>& inst, const ae::tagging::LinearModel& meta,
           const ae::tagging::AveragedPerceptron::Export& ex, int epochs, uint64_t seed, const char* tool,
           Decide decide, AfterEpoch after_epoch, ae::tagging::LinearModel* out, bool passive_aggressive = false) {
    using namespace ae::tagging;
    AveragedPerceptron p(2);
    std::mt19937_64 rng(seed);
    for (int ep = 1; ep <= epochs; ++ep) {
        for (size_t i = inst.size(); i > 1; --i) std::swap(inst[i - 1], inst[size_t(rng() % i)]);
        size_t errors = 0;
        for (const Instance& x : inst) {
            const std::vector<uint64_t>& f = *x.feats;
            float s[2] = {0, 0};
            p.score(f.data(), f.size(), s);
            const int guess = decide(s) ? 1 : 0;
            errors += guess != x.gold;
            if (!passive_aggressive) {
                if (guess != x.gold) p.update(f.data(), f.size(), x.gold, guess);
            } else {
                p.update_to_margin(f.data(), f.size(), x.gold, 1 - x.gold, s[x.gold] - s[1 - x.gold]);
            }
            p.tick();
        }
        LinearModel back;
        std::string bytes;
        if (!read_back(p, meta, ex, tool, &back, &bytes)) return false;
        after_epoch(ep, errors, inst.size(), back, bytes.size());
        std::fflush(stdout);
    }
    *out = meta;
    p.export_model(*out, ex);
    return true;
}

}  // namespace binary_trainer
