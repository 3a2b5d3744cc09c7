#include "cadreplan/policy/text.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

namespace cadreplan::policy {
namespace {

// The total size of \p parts, as a text's size.
std::uint32_t total_size(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const auto part : parts) size += part.size();
  if (size > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a text of " + std::to_string(size) + " bytes: at most 4 GiB - 1 in each language");
  }
  return static_cast<std::uint32_t>(size);
}

// A thread's chunk holds this many bytes of words; a text of more than a quarter of it
// gets a chunk of its own, so a chunk is never left mostly empty for one large text.
constexpr std::size_t chunk_bytes = 32 * 1024;
constexpr std::size_t own_chunk_above = chunk_bytes / 4;
// The references a thread's chunk starts with: more than the texts it can hold.
constexpr std::uint32_t reference_budget = 1U << 30;

}  // namespace

namespace detail {

// A block of words shared by texts, freed with the last reference to it. The words follow
// the header in the same allocation.
struct TextChunk {
  std::atomic<std::uint32_t> references;

  // A chunk with room for \p capacity bytes of words and \p references references.
  static TextChunk* make(std::size_t capacity, std::uint32_t references) {
    return ::new (::operator new(sizeof(TextChunk) + capacity)) TextChunk{references};
  }
  char* words() noexcept { return reinterpret_cast<char*>(this + 1); }

  // Drops \p count references; frees the chunk when they were the last.
  static void drop(TextChunk* chunk, std::uint32_t count) noexcept {
    if (chunk->references.fetch_sub(count, std::memory_order_acq_rel) == count) {
      chunk->~TextChunk();
      ::operator delete(chunk);
    }
  }
};

void release_text_chunk(TextChunk* chunk) noexcept { TextChunk::drop(chunk, 1); }

}  // namespace detail

namespace {

using detail::TextChunk;

// A thread's chunk, which the texts made on the thread fill in turn. The chunk is made
// holding a budget of references and hands one to each text it stores, counting them
// here rather than with an atomic add per text; it gives back what it did not hand out
// when it retires. Texts may be freed on other threads.
//
// Trivially destructible, so that it may still be read while the thread's other
// thread-local objects are destroyed (one may make a text); the retirer below retires
// the chunk when the thread ends, and texts made after that get chunks of their own.
struct Writer {
  TextChunk* chunk = nullptr;
  std::size_t used = 0;
  std::uint32_t handed_out = 0;
  bool finished = false;

  void retire() noexcept {
    if (chunk != nullptr) TextChunk::drop(chunk, reference_budget - handed_out);
    chunk = nullptr;
  }
};

thread_local constinit Writer thread_writer;

// Retires the thread's chunk when the thread ends: armed (and so constructed, and its
// destructor registered) by the thread's first chunk.
struct WriterRetirer {
  bool armed = false;

  WriterRetirer() = default;
  WriterRetirer(const WriterRetirer&) = delete;
  WriterRetirer& operator=(const WriterRetirer&) = delete;
  ~WriterRetirer() {
    if (armed) thread_writer.retire();
    thread_writer.finished = true;
  }
};
thread_local WriterRetirer thread_writer_retirer;

}  // namespace

char* Text::allocate(std::size_t size) {
  Writer& writer = thread_writer;
  // A large text, or one made while the thread ends: a chunk of its own, not kept.
  if (size > own_chunk_above || writer.finished) {
    chunk_ = TextChunk::make(size, 1);
    return chunk_->words();
  }
  if (writer.chunk == nullptr || chunk_bytes - writer.used < size) {
    writer.retire();
    writer.chunk = TextChunk::make(chunk_bytes, reference_budget);
    writer.used = 0;
    writer.handed_out = 0;
    thread_writer_retirer.armed = true;
  }
  ++writer.handed_out;
  chunk_ = writer.chunk;
  char* words = writer.chunk->words() + writer.used;
  writer.used += size;
  return words;
}

Text::Text(std::initializer_list<std::string_view> english_parts,
           std::initializer_list<std::string_view> vietnamese_parts)
    : english_size_(total_size(english_parts)), vietnamese_size_(total_size(vietnamese_parts)) {
  const std::size_t size = std::size_t{english_size_} + vietnamese_size_;
  if (size == 0) return;  // nothing to hold: the empty literals
  // Sized once and filled part by part: appending checked the capacity of every part of
  // every finding's message.
  char* out = allocate(size);
  english_ = out;
  for (const auto part : english_parts) out = std::copy(part.begin(), part.end(), out);
  vietnamese_ = out;
  for (const auto part : vietnamese_parts) out = std::copy(part.begin(), part.end(), out);
}

Text::Text(const Text& other)
    : english_(other.english_),
      vietnamese_(other.vietnamese_),
      english_size_(other.english_size_),
      vietnamese_size_(other.vietnamese_size_) {
  // Literals are shared (never freed); owned words are copied into this thread's chunk,
  // so that a copy does not keep the original's chunk.
  if (other.chunk_ != nullptr) *this = Text({other.english()}, {other.vietnamese()});
}

}  // namespace cadreplan::policy
