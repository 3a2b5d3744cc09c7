// libFuzzer target: the CSV roster loader. The input is split at form feeds (\f) into
// units.csv, cadres.csv, trainings.csv, pools.csv and budgets.csv (a missing part is a
// missing file), written to a private temporary folder and loaded. A roster that loads
// must also survive an archive round trip in every format and a CSV save and reload
// unchanged; anything but a ParseError for bad input is a bug.
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "cadreplan/io/archive.hpp"
#include "cadreplan/io/roster_csv.hpp"

namespace {

namespace fs = std::filesystem;

// The folder the files are written to: under $CADREPLAN_FUZZ_SCRATCH (.ci/fuzz sets it and
// removes it afterwards, since libFuzzer ends a timed run without running exit handlers),
// else in /dev/shm or the temporary directory.
const fs::path& scratch() {
  static const fs::path folder = [] {
    const char* given = std::getenv("CADREPLAN_FUZZ_SCRATCH");
    const fs::path shm("/dev/shm");
    const fs::path base = given != nullptr        ? fs::path(given)
                          : fs::is_directory(shm) ? shm
                                                  : fs::temp_directory_path();
    fs::path made = base / ("cadreplan-fuzz-roster-" + std::to_string(::getpid()));
    fs::create_directories(made / "in");
    fs::create_directories(made / "out");
    return made;
  }();
  return folder;
}

constexpr std::array<const char*, 5> kFiles{"units.csv", "cadres.csv", "trainings.csv", "pools.csv",
                                            "budgets.csv"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cadreplan::io;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const fs::path in = scratch() / "in";
  std::size_t start = 0;
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    const fs::path file = in / kFiles[i];
    if (start > input.size()) {
      fs::remove(file);
      continue;
    }
    const std::size_t end = std::min(input.find('\f', start), input.size());
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        .write(input.data() + start, static_cast<std::streamsize>(end - start));
    start = end + 1;
  }
  CsvLoadOptions options;
  options.keep_going = size % 2 == 1;
  cadreplan::model::Roster roster;
  try {
    roster = load_roster_csv(in, options).roster;
  } catch (const ParseError&) {
    return 0;
  }
  for (ArchiveFormat format : {ArchiveFormat::binary, ArchiveFormat::xml, ArchiveFormat::text}) {
    const ArchiveContents contents{roster, "fuzz"};
    if (!(read_archive(write_archive(contents, format), "fuzz") == contents)) __builtin_trap();
  }
  save_roster_csv(roster, scratch() / "out");
  if (!(load_roster_csv(scratch() / "out").roster == roster)) __builtin_trap();
  return 0;
}
