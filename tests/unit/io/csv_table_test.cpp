#include "cadreplan/io/csv_table.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "csv_transcript.hpp"

namespace cadreplan::io {
namespace {

using Cells = std::vector<std::string>;

// The diagnostic of the ParseError \p read throws (fails the test if none is thrown).
template <class Read>
Diagnostic first_error(Read&& read) {
  try {
    read();
  } catch (const ParseError& error) {
    EXPECT_FALSE(error.diagnostics().empty());
    return error.diagnostics().front();
  }
  ADD_FAILURE() << "no ParseError was thrown";
  return {};
}

CsvTable parse(std::string text, const CsvLimits& limits = {}) {
  return parse_csv_table(std::move(text), "t.csv", limits);
}

std::filesystem::path scratch_folder() {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  auto folder = std::filesystem::temp_directory_path() /
                (std::string("cadreplan-csv-") + test->test_suite_name() + "-" + test->name());
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

TEST(CsvReader, ReadsHeaderAndRowsWithTheirLines) {
  const CsvTable table = parse("id,name\n1,An\n2,Ba\n");
  EXPECT_EQ(table.header, (Cells{"id", "name"}));
  EXPECT_EQ(table.header_line, 1u);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0], (CsvTableRow{2, {"1", "An"}}));
  EXPECT_EQ(table.rows[1], (CsvTableRow{3, {"2", "Ba"}}));
}

TEST(CsvReader, SkipsAByteOrderMark) {
  const CsvTable table = parse("\xEF\xBB\xBFid,name\n1,An\n");
  EXPECT_EQ(table.header.front(), "id");
  EXPECT_EQ(table.find_column("id"), 0u);
}

TEST(CsvReader, CrlfAndLfGiveTheSameCells) {
  const CsvTable lf = parse("id,name\n1,\"An\"\n2,Ba\n");
  const CsvTable crlf = parse("id,name\r\n1,\"An\"\r\n2,Ba\r\n");
  EXPECT_EQ(lf.rows, crlf.rows);
  EXPECT_EQ(crlf.header, (Cells{"id", "name"}));
}

TEST(CsvReader, QuotedCommasQuotesAndLineBreaksKeepLaterLinesRight) {
  const CsvTable table = parse(
      "id,name\n"
      "1,\"An, Văn\"\n"
      "2,\"first\nsecond\r\nthird\"\n"
      "3,\"say \"\"hi\"\"\"\n"
      "4,Bốn\n");
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0].cells[1], "An, Văn");
  EXPECT_EQ(table.rows[1].line, 3u);
  EXPECT_EQ(table.rows[1].cells[1], "first\nsecond\r\nthird");
  EXPECT_EQ(table.rows[2].line, 6u);
  EXPECT_EQ(table.rows[2].cells[1], "say \"hi\"");
  EXPECT_EQ(table.rows[3].line, 7u);
}

TEST(CsvReader, KeepsEmptyCellsAndTrimsUnquotedOnes) {
  const CsvTable table = parse("a,b,c\n, x ,\n\"\",\" y \",z\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].cells, (Cells{"", "x", ""}));
  EXPECT_EQ(table.rows[1].cells, (Cells{"", " y ", "z"}));  // quoted spaces are data
}

TEST(CsvReader, SkipsBlankLinesAndAllEmptyRows) {
  const CsvTable table = parse("\n\na,b\n\n1,2\n   \t\n,\n\r\n3,4");
  EXPECT_EQ(table.header_line, 3u);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 5u);
  EXPECT_EQ(table.rows[1], (CsvTableRow{9, {"3", "4"}}));  // no final line break
}

TEST(CsvReader, SplitsPlainAndQuotedLinesAlike) {
  // Lines without quotes take a fast path; lines with quotes go through libcsv.
  const CsvTable plain = parse("a,b,c\n x\t,, y z \r\n\t1,2,3\n");
  const CsvTable quoted = parse("a,b,c\n \"x\"\t,\"\", y z \r\n\t1,\"2\" ,3\n");
  EXPECT_EQ(plain.rows, quoted.rows);
  ASSERT_EQ(plain.rows.size(), 2u);
  EXPECT_EQ(plain.rows[0].cells, (Cells{"x", "", "y z"}));
  EXPECT_EQ(plain.rows[1].line, 3u);
}

TEST(CsvReader, EndsARowAtABareCarriageReturnAsLibcsvDoes) {
  const CsvTable table = parse("a,b\n1,2\r3,4\n5,6\n");
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1], (CsvTableRow{2, {"3", "4"}}));
  EXPECT_EQ(table.rows[2].line, 3u);
}

TEST(CsvReader, FindsColumnsIgnoringCaseAndSpaces) {
  const CsvTable table = parse(" ID , Full_Name\n1,An\n");
  EXPECT_EQ(table.header, (Cells{"ID", "Full_Name"}));
  EXPECT_EQ(table.find_column("id"), 0u);
  EXPECT_EQ(table.find_column("full_name "), 1u);
  EXPECT_EQ(table.find_column("name"), std::nullopt);
}

TEST(CsvReader, RejectsADuplicateColumnInAnyLetterCase) {
  const Diagnostic error = first_error([] { (void)parse("id,name,NAME\n"); });
  EXPECT_EQ(error.line, 1u);
  EXPECT_EQ(error.column, "NAME");
  EXPECT_NE(error.message.find("also column 2"), std::string::npos) << error.message;
}

TEST(CsvReader, RejectsAFileWithoutHeader) {
  const Diagnostic error = first_error([] { (void)parse("\n  \n"); });
  EXPECT_EQ(error.file, "t.csv");
  EXPECT_NE(error.message.find("no header row"), std::string::npos);
}

TEST(CsvReader, ReportsInvalidUtf8WithLineAndColumnAndGoesOn) {
  CsvReader reader = CsvReader::from_string("id,name\n1,ok\n2,\"two\nbad\xFF\"\n3,fine\n", "t.csv");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  const Diagnostic error = first_error([&] { reader.next(row); });
  EXPECT_EQ(error.to_string().substr(0, 16), "t.csv:4:name: er");  // the cell's second line
  EXPECT_NE(error.message.find("0xFF"), std::string::npos) << error.message;
  ASSERT_TRUE(reader.next(row));  // a row error: the reader goes on
  EXPECT_EQ(row.line, 5u);
  EXPECT_EQ(row.cells[1], "fine");
  EXPECT_FALSE(reader.next(row));
  EXPECT_FALSE(reader.failed());
}

TEST(CsvReader, RejectsOverlongAndSurrogateUtf8) {
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"}) {
    const Diagnostic error = first_error([&] { (void)parse("a\n" + bad + "\n"); });
    EXPECT_EQ(error.line, 2u);
  }
  EXPECT_EQ(parse("a\n\xF0\x9F\x98\x80 \xE1\xBB\x87\n").rows[0].cells[0],
            "\xF0\x9F\x98\x80 \xE1\xBB\x87");
}

TEST(CsvReader, RejectsRowsWithTooManyOrTooFewCellsAndGoesOn) {
  CsvReader reader = CsvReader::from_string("a,b\n1,2,3\n4\n5,6\n", "t.csv");
  CsvRow row;
  const Diagnostic too_many = first_error([&] { reader.next(row); });
  EXPECT_EQ(too_many.line, 2u);
  EXPECT_EQ(too_many.message, "expected 2 cells, found 3");
  const Diagnostic too_few = first_error([&] { reader.next(row); });
  EXPECT_EQ(too_few.line, 3u);
  EXPECT_EQ(too_few.message, "expected 2 cells, found 1");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line, 4u);
}

TEST(CsvReader, RejectsAnUnterminatedQuoteAtTheEndOfTheFile) {
  CsvReader reader = CsvReader::from_string("id,name\n1,An\n2,\"Ba\n3,Cuc\n", "t.csv");
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  const Diagnostic error = first_error([&] { reader.next(row); });
  EXPECT_EQ(error.line, 3u);  // where the quote opened
  EXPECT_EQ(error.column, "name");
  EXPECT_NE(error.message.find("unterminated"), std::string::npos);
  EXPECT_TRUE(reader.failed());
  EXPECT_FALSE(reader.next(row));
}

TEST(CsvReader, RejectsStrayQuotes) {
  const Diagnostic inside = first_error([] { (void)parse("id,name\n1,An\n2,B\"a\n"); });
  EXPECT_EQ(inside.line, 3u);
  EXPECT_EQ(inside.column, "name");
  EXPECT_NE(inside.message.find("misplaced quote"), std::string::npos);
  const Diagnostic after = first_error([] { (void)parse("id,name\n1,\"An\"x,\n"); });
  EXPECT_EQ(after.line, 2u);
  EXPECT_EQ(after.column, "name");
}

TEST(CsvReader, AcceptsACellAtTheLimitAndRejectsOneBeyond) {
  const CsvLimits limits;
  const std::string at_limit(limits.max_cell_bytes, 'x');
  EXPECT_EQ(parse("a,b\n1," + at_limit + "\n").rows[0].cells[1].size(), at_limit.size());

  const Diagnostic error = first_error([&] { (void)parse("a,b\n1,2\n3," + at_limit + "y\n"); });
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, "b");
  EXPECT_NE(error.message.find(std::to_string(limits.max_cell_bytes)), std::string::npos);
}

TEST(CsvReader, StopsAnOpenQuoteAtTheCellLimitNotAtTheEndOfTheFile) {
  CsvLimits limits;
  limits.max_cell_bytes = 100;
  std::string text = "a\n\"open\n";
  for (int i = 0; i < 1000; ++i) text += "filler line that never closes the quote\n";
  const Diagnostic error = first_error([&] { (void)parse(text, limits); });
  EXPECT_EQ(error.line, 2u);
  EXPECT_NE(error.message.find("longer than 100 bytes"), std::string::npos) << error.message;
}

TEST(CsvReader, EnforcesTheColumnAndSizeLimits) {
  CsvLimits limits;
  limits.max_columns = 3;
  EXPECT_EQ(parse("a,b,c\n1,2,3\n", limits).rows.size(), 1u);
  const Diagnostic columns = first_error([&] { (void)parse("a,b,c,d\n", limits); });
  EXPECT_NE(columns.message.find("more than 3 cells"), std::string::npos);

  limits = {};
  limits.max_file_bytes = 10;
  const Diagnostic size = first_error([&] { (void)parse("a,b\n1234,5678\n", limits); });
  EXPECT_NE(size.message.find("limit of 10"), std::string::npos);
}

TEST(CsvReader, ChecksAPlainLineAtTheLimitsCellByCell) {
  // A plain line within both limits keeps its cells unchecked; one at or past a limit
  // takes the checks cell by cell, with the same messages.
  CsvLimits limits;
  limits.max_columns = 3;
  limits.max_cell_bytes = 8;
  const CsvTable fits = parse("a,b,c\n1,2 ,\t333\n", limits);  // 9 bytes with the tab
  ASSERT_EQ(fits.rows.size(), 1u);
  EXPECT_EQ(fits.rows[0].cells, (Cells{"1", "2", "333"}));
  EXPECT_EQ(parse("a,b,c\n1,2 ,333\n", limits).rows[0].cells, (Cells{"1", "2", "333"}));
  // The line is longer than a cell may be, but no cell is: read all the same.
  EXPECT_EQ(parse("a,b,c\n12345678,12345678,1\n", limits).rows[0].cells[1], "12345678");
  const Diagnostic long_cell = first_error([&] { (void)parse("a,b,c\n1,123456789,3\n", limits); });
  EXPECT_EQ(long_cell.line, 2u);
  EXPECT_EQ(long_cell.column, "b");
  EXPECT_NE(long_cell.message.find("longer than 8 bytes"), std::string::npos) << long_cell.message;
  const Diagnostic columns = first_error([&] { (void)parse("a,b,c\n1,2,3,4\n", limits); });
  EXPECT_EQ(columns.line, 2u);
  EXPECT_NE(columns.message.find("more than 3 cells"), std::string::npos) << columns.message;
  const Diagnostic encoding = first_error([&] { (void)parse("a,b,c\n1,x\xC3,3\n", limits); });
  EXPECT_EQ(encoding.column, "b");
  EXPECT_NE(encoding.message.find("invalid UTF-8: byte 0xC3 at byte 2"), std::string::npos)
      << encoding.message;
}

TEST(CsvReader, ReadsAFileAndNamesAMissingOne) {
  const auto folder = scratch_folder();
  std::ofstream(folder / "x.csv") << "id,name\r\n7,\"Bảy\"\r\n";
  const CsvTable table = read_csv_table(folder / "x.csv");
  EXPECT_EQ(table.file, (folder / "x.csv").string());
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].cells[1], "Bảy");

  const Diagnostic missing = first_error([&] { (void)read_csv_table(folder / "nope.csv"); });
  EXPECT_EQ(missing.file, (folder / "nope.csv").string());
}

using test_support::read_everything;

CsvLimits with_block(std::size_t read_block_bytes) {
  CsvLimits limits;
  limits.read_block_bytes = read_block_bytes;
  return limits;
}

// Inputs whose rows, quoted line breaks, UTF-8 sequences and errors fall across block
// boundaries at every block size tried below.
const std::vector<std::string> kBlockInputs{
    "id,name\n1,An\n2,Ba\n",
    "\xEF\xBB\xBFid,name\r\n1,\"An\"\r\n2,Ba",
    "\n\na,b\n\n1,2\n   \t\n,\n\r\n3,4",
    "id,name\n1,\"An, Văn\"\n2,\"first\nsecond\r\nthird\"\n3,\"say \"\"hi\"\"\"\n4,Bốn\n",
    "id,name\n1,Nguyễn Văn Bảy\n2,\xF0\x9F\x98\x80 \xE1\xBB\x87\n3,\"đ\nđ\"\n",
    "id,name\n1,ok\n2,ab\xFF\n3,\"two\nbad\xE1\xBB\"\n4,fine\xC3\n5,\xC3\xA9\n",
    "a,b\n1,2,3\n4\n5,6\n1,2\r3,4\n5,6\n",
    "id,name\n1,An\n2,\"Ba\n3,Cuc\n",
    "id,name\n1,An\n2,B\"a\n3,x\n",
    "id,name,NAME\n1,2,3\n",
    "a,b,c\n x\t,, y z \r\n\t1,\"2\" ,3\n",
    "a\xFF,b\n1,2\n",
    // Lines longer than the 32 bytes the block's UTF-8 check takes at a time, valid and
    // not, so that blocks with and without a bad byte are read.
    "id,provider,result\n1,Trung tâm Bồi dưỡng chính trị huyện Phước Trung,Đạt\n"
    "2,Trường Chính trị tỉnh Sơn An \xE1\xBB,Giỏi\n3,Trường Chính trị tỉnh Sơn An,Khá\n"
    "4,Trung tâm Bồi dưỡng chính trị huyện Phước Trung,Trung bình \xED\xA0\x80\n5,x,y\n",
    // A plain line is found and split in one scan, 16 and 8 bytes at a time: its end,
    // a carriage return before it, and a quote or bare carriage return far into a line.
    "a,b\r\n1,2\r",
    "id,name\r\n1,a cell of more than sixteen bytes\r\n2,\"quoted, and long enough\"\r\n"
    "3,another cell of more than sixteen bytes\rand after a bare return\r\n4,end\n",
    "id,name\n1,abcdefghijklmnopqrstuvwxyz0123456789\"x\n2,y\n",
};

TEST(CsvReader, ReadsTheSameWhereverTheBlocksEnd) {
  for (const std::string& text : kBlockInputs) {
    const std::string whole = read_everything(text, {});
    for (std::size_t block = 0; block <= text.size() + 1; ++block) {
      EXPECT_EQ(read_everything(text, with_block(block)), whole)
          << "block of " << block << " bytes, text: " << text;
    }
  }
}

TEST(CsvReader, ReadsAFileInBlocksAsAString) {
  const auto folder = scratch_folder();
  for (std::size_t i = 0; i < kBlockInputs.size(); ++i) {
    const auto path = folder / (std::to_string(i) + ".csv");
    std::ofstream(path, std::ios::binary) << kBlockInputs[i];
    const std::string whole = read_everything(kBlockInputs[i], {});
    for (const std::size_t block : {1u, 3u, 7u, 64u}) {
      std::string from_file;
      try {
        from_file = read_everything(CsvReader::open(path, "t.csv", with_block(block)));
      } catch (const ParseError& error) {
        from_file = "at open: " + error.diagnostics().front().to_string();
      }
      EXPECT_EQ(from_file, whole) << "block of " << block << " bytes, file " << i;
    }
  }
}

TEST(CsvReader, NamesEveryInvalidByteOfALongPlainLineRight) {
  // Long plain lines are scanned 16 and 8 bytes at a time: a bad byte at any offset
  // must still name its column and its byte within the cell.
  const std::string good = "aaaaaaaaa,bbbbbbbbb,ccccccccc,ddddddddd,eeeeeee\xC3\xA9";
  for (std::size_t at = 0; at < good.size(); ++at) {
    if (good[at] == ',' || static_cast<unsigned char>(good[at]) >= 0x80) continue;
    std::string line = good;
    line[at] = '\xFF';
    const Diagnostic error = first_error([&] { (void)parse("a,b,c,d,e\n" + line + "\n"); });
    EXPECT_EQ(error.line, 2u);
    EXPECT_EQ(error.column, std::string(1, static_cast<char>('a' + at / 10))) << at;
    EXPECT_EQ(error.message, "invalid UTF-8: byte 0xFF at byte " + std::to_string(at % 10 + 1) +
                                 " (save the file as UTF-8)")
        << at;
  }
}

TEST(CsvReader, NamesTheFirstBadCellOfTheHeader) {
  const Diagnostic error = first_error([] { (void)parse("a\xFF,b\xFE\n1,2\n"); });
  EXPECT_EQ(error.line, 1u);
  EXPECT_EQ(error.message,
            "invalid UTF-8: byte 0xFF at byte 2 of header cell 1 (save the file as UTF-8)");
}

TEST(CsvReader, NamesAnInvalidByteThatStartsABlock) {
  const std::string text = "id,name\n1,ok\n2,ab\xFF\n3,fine\n";
  const std::size_t bad = text.find('\xFF');
  CsvReader reader = CsvReader::from_string(text, "t.csv", with_block(bad));
  CsvRow row;
  ASSERT_TRUE(reader.next(row));
  const Diagnostic error = first_error([&] { reader.next(row); });
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, "name");
  EXPECT_EQ(error.message, "invalid UTF-8: byte 0xFF at byte 3 (save the file as UTF-8)");
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(row.line, 4u);
}

TEST(CsvReader, KeepsAMultiByteCharacterSplitByABlock) {
  const std::string text = "a\nxx\xE1\xBB\x87y\n";  // ệ
  for (const std::size_t block : {3u, 4u, 5u, 6u}) {
    const CsvTable table = parse(text, with_block(block));
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0].cells[0], "xx\xE1\xBB\x87y") << block;
  }
}

TEST(CsvReader, GrowsItsBufferForALineLongerThanABlock) {
  const std::string long_cell(1000, 'x');
  const CsvTable table =
      parse("a,b\n1," + long_cell + "\n2,\"" + long_cell + "\n\"\n3,z\n", with_block(16));
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].cells[1], long_cell);
  EXPECT_EQ(table.rows[1].cells[1], long_cell + "\n");
  EXPECT_EQ(table.rows[2], (CsvTableRow{5, {"3", "z"}}));
}

TEST(CsvReader, KeepsTheCellsOfARowUntilTheNextCall) {
  // Each call may refill the buffer, so a row's cells are read before the next call.
  CsvReader reader = CsvReader::from_string("a,b\n1,\"x\ny\"\n2,z\n", "t.csv", with_block(2));
  CsvRow first;
  CsvRow second;
  ASSERT_TRUE(reader.next(first));
  EXPECT_EQ(first.cells[1], "x\ny");
  ASSERT_TRUE(reader.next(second));
  EXPECT_EQ(second.cells, (std::vector<std::string_view>{"2", "z"}));
}

TEST(CsvReader, RejectsAFileOverTheSizeLimitBeforeReadingIt) {
  const auto folder = scratch_folder();
  std::ofstream(folder / "big.csv") << "a,b\n1234,5678\n";
  CsvLimits limits;
  limits.max_file_bytes = 10;
  const Diagnostic error = first_error([&] { (void)read_csv_table(folder / "big.csv", limits); });
  EXPECT_EQ(error.line, 0u);
  EXPECT_EQ(error.message, "the file has 14 bytes, more than the limit of 10");
}

TEST(CsvWriter, QuotesOnlyWhereNeeded) {
  std::string out;
  for (const std::string_view cell : {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""}) {
    out.clear();
    append_csv_cell(out, cell);
    const bool quoted = out.front() == '"';
    EXPECT_EQ(quoted, cell != "plain" && !cell.empty()) << cell;
  }
  out.clear();
  append_csv_cell(out, "say \"hi\"");
  EXPECT_EQ(out, "\"say \"\"hi\"\"\"");
  // Quotes first, in a row and last: every one doubled, nothing else changed.
  out.clear();
  append_csv_cell(out, "\"\"a\"");
  EXPECT_EQ(out, "\"\"\"\"\"a\"\"\"");
  out.clear();
  append_csv_cell(out, "x,\ty\r");
  EXPECT_EQ(out, "\"x,\ty\r\"");
}

TEST(CsvWriter, WritesWhatTheReaderReadsBack) {
  const std::vector<Cells> rows{
      {"id", "name", "note"},
      {"1", "Nguyễn, Văn \"An\"", "line one\nline two"},
      {"2", "  spaced  ", ""},
      {"3", "\"", ","},
  };
  std::ostringstream out;
  CsvWriter writer(out);
  for (const auto& row : rows) writer.write_row(std::span<const std::string>(row));
  const CsvTable table = parse(out.str());
  EXPECT_EQ(table.header, rows[0]);
  ASSERT_EQ(table.rows.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(table.rows[i].cells, rows[i + 1]);
  EXPECT_EQ(table.rows[2].line, 5u);  // the note's line break moved it down one line
}

TEST(CsvWriter, WritesARowOfOneEmptyCellSoItIsNotABlankLine) {
  std::ostringstream out;
  CsvWriter writer(out);
  writer.write_row({"only"});
  writer.write_row({""});
  EXPECT_EQ(out.str(), "only\n\"\"\n");
}

}  // namespace
}  // namespace cadreplan::io
