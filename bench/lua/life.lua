-- Arrays: Conway's Game of Life on an n x n torus stored as one flat array
-- of 0/1 cells, the next generation computed into a second array.
-- Check: the board starts with still lifes (blocks), oscillators (blinkers,
-- period 2) and gliders (which move one cell diagonally every 4
-- generations) placed far enough apart never to meet during the run; after
-- g generations (a multiple of 4) the board must equal the same patterns
-- with every glider moved g/4 cells, built independently.
-- family: arrays and permutations
-- sizes: full 96, quick 24

local n = tonumber(arg and arg[1]) or 96
if n < 24 then n = 24 end
n = n - n % 12
local generations = 4 * (n / 12 - 1) * 3

local function index(x, y) return (y % n) * n + (x % n) + 1 end

local function emptyBoard()
  local b = {}
  for i = 1, n * n do b[i] = 0 end
  return b
end

local function set(board, x, y, cells)
  for i = 1, #cells, 2 do board[index(x + cells[i], y + cells[i + 1])] = 1 end
end

local block = { 0, 0, 1, 0, 0, 1, 1, 1 }
local blinker = { 0, 1, 1, 1, 2, 1 }            -- horizontal phase
local glider = { 1, 0, 2, 1, 0, 2, 1, 2, 2, 2 }  -- moves +1, +1 every 4 generations

-- Patterns on a grid of 12 x 12 cells: gliders on the main diagonal's
-- cells (so they keep to it as they move), blocks and blinkers off it.
local function populate(board, shift)
  local cells = n / 12
  for i = 0, cells - 1 do
    for j = 0, cells - 1 do
      local x, y = 12 * i, 12 * j
      if i == j then
        set(board, x + shift, y + shift, glider)
      elseif (i + 2 * j) % 3 == 0 then
        set(board, x + 4, y + 4, block)
      else
        set(board, x + 4, y + 4, blinker)
      end
    end
  end
end

local function step(from, to)
  for y = 0, n - 1 do
    local up, row, down = ((y - 1) % n) * n, y * n, ((y + 1) % n) * n
    for x = 0, n - 1 do
      local left, right = (x - 1) % n + 1, (x + 1) % n + 1
      local c = x + 1
      local neighbours = from[up + left] + from[up + c] + from[up + right]
                       + from[row + left] + from[row + right]
                       + from[down + left] + from[down + c] + from[down + right]
      local alive = from[row + c]
      if neighbours == 3 or (neighbours == 2 and alive == 1) then to[row + c] = 1 else to[row + c] = 0 end
    end
  end
end

local rounds = 9
local population = 0
for _ = 1, rounds do
  local board, spare = emptyBoard(), emptyBoard()
  populate(board, 0)
  for _ = 1, generations do
    step(board, spare)
    board, spare = spare, board
  end
  -- Blinkers are back in phase (even generation count); gliders moved.
  local expected = emptyBoard()
  populate(expected, generations / 4)
  for i = 1, n * n do
    if board[i] ~= expected[i] then
      error(string.format("cell (%d, %d) after %d generations: %d, expected %d",
                          (i - 1) % n, (i - 1 - (i - 1) % n) / n, generations, board[i], expected[i]))
    end
    population = population + board[i]
  end
end
print(string.format("life %d x %d, %d generations: %d cells alive", n, n, generations, population / rounds))
print("OK")
