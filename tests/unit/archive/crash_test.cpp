// Atomic saves, proved the hard way: a child process saves large rosters over and over
// while the parent kills it with SIGKILL at random moments; after every kill the archive
// must load, whole, as either the old roster or the new one.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>

#include "archive_fixtures.hpp"
#include "cadreplan/io/archive.hpp"

namespace cadreplan::io {
namespace {

namespace fs = std::filesystem;
using namespace archive_testing;

// A roster of \p cadres cadres in 100 communes, each with two training records, whose
// names carry \p tag so that two rosters differ everywhere.
model::Roster large_roster(std::size_t cadres, const std::string& tag) {
  model::RosterTables tables;
  for (std::size_t u = 0; u < 100; ++u) {
    model::Unit unit;
    unit.id = model::UnitId("U" + std::to_string(u));
    unit.name = "Xã Số " + std::to_string(u) + " " + tag;
    unit.kind = model::UnitKind::commune;
    tables.units.push_back(unit);
  }
  for (std::size_t c = 0; c < cadres; ++c) {
    model::Cadre cadre;
    cadre.id = model::CadreId("C" + std::to_string(c));
    cadre.full_name = "Nguyễn Văn " + tag + " " + std::to_string(c);
    cadre.birth_date = date(1960, 1, 1) + boost::gregorian::days(static_cast<long>(c % 9000));
    cadre.unit_id = tables.units[c % 100].id;
    cadre.positions = {{model::Position::secretary, date(2010, 7, 1)}};
    cadre.professional.field = "Quản lý nhà nước";
    tables.cadres.push_back(cadre);
    for (unsigned short t = 0; t < 2; ++t) {
      model::TrainingRecord training;
      training.cadre_id = cadre.id;
      training.course = "BD-" + tag + "-" + std::to_string(t);
      training.kind = model::TrainingKind::party_building;
      training.start_date = date(static_cast<unsigned short>(2012 + t), 3, 1);
      training.end_date = date(static_cast<unsigned short>(2012 + t), 3, 15);
      training.provider = "Trường Chính trị tỉnh";
      tables.trainings.push_back(training);
    }
  }
  return model::Roster::build(std::move(tables));
}

std::size_t temporaries_in(const fs::path& folder) {
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".tmp") ++count;
  }
  return count;
}

// Waits until a saver's temporary file exists in \p folder (it is being written), at
// most \p patience.
void wait_for_temporary(const fs::path& folder, std::chrono::microseconds patience) {
  const auto until = std::chrono::steady_clock::now() + patience;
  while (temporaries_in(folder) == 0 && std::chrono::steady_clock::now() < until) {
  }
}

TEST(ArchiveCrashSafety, KilledSaverLeavesTheOldOrTheNewArchiveWhole) {
  constexpr int kKills = 50;
  const ArchiveContents old_contents{large_roster(1000, "cũ"), "old"};
  const ArchiveContents new_contents{large_roster(1000, "mới"), "new"};
  ScratchFolder folder;  // on disk, where fsync and rename mean something
  fs::path targets[3];
  std::chrono::microseconds save_time[3];  // of one save, in each format
  for (std::size_t f = 0; f < 3; ++f) {
    targets[f] = folder / ("roster" + std::string(archive_extension(all_formats[f])));
    const auto started = std::chrono::steady_clock::now();
    save_archive(new_contents, targets[f]);
    save_archive(old_contents, targets[f]);
    save_time[f] = std::chrono::duration_cast<std::chrono::microseconds>(
        (std::chrono::steady_clock::now() - started) / 2);
  }

  std::mt19937 random(20240601);
  int saw_old = 0, saw_new = 0, interrupted = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    const fs::path& target = targets[static_cast<std::size_t>(kill) % 3];
    const std::chrono::microseconds one_save = save_time[static_cast<std::size_t>(kill) % 3];
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::close(ready[0]);
      const char go = 'g';
      if (::write(ready[1], &go, 1) != 1) ::_exit(4);
      try {
        for (unsigned i = 0;; ++i) save_archive(i % 2 == 0 ? new_contents : old_contents, target);
      } catch (...) {
        ::_exit(3);
      }
    }
    ::close(ready[1]);
    char go = 0;
    ASSERT_EQ(::read(ready[0], &go, 1), 1);
    ::close(ready[0]);
    if (kill % 2 == 0) {
      // Anywhere in the first two saves: encoding, writing, syncing, renaming, between.
      std::uniform_int_distribution<long long> delay(0, 2 * one_save.count());
      std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    } else {
      // While the temporary file is being written or synced.
      wait_for_temporary(folder.path(), 10 * one_save);
      std::uniform_int_distribution<long long> delay(0, 2000);
      std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    }
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the saving child ended by itself, status " << status;

    ArchiveContents loaded;
    ASSERT_NO_THROW(loaded = load_archive(target)) << "after kill " << kill;
    if (loaded == old_contents) {
      ++saw_old;
    } else if (loaded == new_contents) {
      ++saw_new;
    } else {
      FAIL() << "after kill " << kill << " the archive holds neither roster";
    }
    // A killed saver may leave its temporary file behind; it is never the archive.
    if (temporaries_in(folder.path()) > 0) ++interrupted;
    for (const auto& entry : fs::directory_iterator(folder.path())) {
      if (entry.path().extension() == ".tmp") fs::remove(entry.path());
    }
  }
  RecordProperty("old", saw_old);
  RecordProperty("new", saw_new);
  RecordProperty("interrupted_mid_write", interrupted);
  std::cout << "one save: " << save_time[0].count() << " us binary, " << save_time[1].count()
            << " us XML, " << save_time[2].count() << " us text; kills: " << kKills
            << ", old archive found " << saw_old << " times, new " << saw_new
            << ", killed while writing " << interrupted << '\n';
  // The kills must have hit both between saves and in the middle of writing one.
  EXPECT_GT(saw_old, 0);
  EXPECT_GT(saw_new, 0);
  EXPECT_GT(interrupted, 0);
}

}  // namespace
}  // namespace cadreplan::io
