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

// A block of words shared by texts, freed with the last reference to it. The words follow
// the header in the same allocation.
struct Text::Chunk {
  std::atomic<std::uint32_t> references;

  // A chunk with room for \p capacity bytes of words and \p references references.
  static Chunk* make(std::size_t capacity, std::uint32_t references) {
    return ::new (::operator new(sizeof(Chunk) + capacity)) Chunk{references};
  }
  char* words() noexcept { return reinterpret_cast<char*>(this + 1); }

  // Drops \p count references; frees the chunk when they were the last.
  static void drop(Chunk* chunk, std::uint32_t count) noexcept {
    if (chunk->references.fetch_sub(count, std::memory_order_acq_rel) == count) {
      chunk->~Chunk();
      ::operator delete(chunk);
    }
  }
};

void Text::release(Chunk* chunk) noexcept { Chunk::drop(chunk, 1); }

char* Text::allocate(std::size_t size) {
  if (size > own_chunk_above) {
    chunk_ = Chunk::make(size, 1);
    return chunk_->words();
  }
  // The thread's chunk is made holding a budget of references and hands one to each text
  // it stores, counting them here rather than with an atomic add per text; it gives back
  // what it did not hand out when it retires. Texts may be freed on other threads.
  struct Writer {
    Chunk* chunk = nullptr;
    std::size_t used = 0;
    std::uint32_t handed_out = 0;

    void retire() noexcept {
      if (chunk != nullptr) Chunk::drop(chunk, reference_budget - handed_out);
      chunk = nullptr;
    }
    ~Writer() { retire(); }
  };
  thread_local Writer writer;
  if (writer.chunk == nullptr || chunk_bytes - writer.used < size) {
    writer.retire();
    writer.chunk = Chunk::make(chunk_bytes, reference_budget);
    writer.used = 0;
    writer.handed_out = 0;
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
