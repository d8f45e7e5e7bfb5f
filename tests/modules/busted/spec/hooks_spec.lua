-- setup/teardown, before_each/after_each in nested blocks, pending tests,
-- finally, insulation of globals, and tests that use the C modules.
local events = {}

describe("hooks", function()
  setup(function() events[#events + 1] = "setup" end)
  teardown(function() events[#events + 1] = "teardown" end)
  before_each(function() events[#events + 1] = "before" end)
  after_each(function() events[#events + 1] = "after" end)

  it("runs the outer hooks", function()
    assert.are.same({ "setup", "before" }, events)
  end)

  describe("nested", function()
    before_each(function() events[#events + 1] = "inner before" end)
    after_each(function() events[#events + 1] = "inner after" end)

    it("runs the outer hooks first", function()
      assert.are.same({ "setup", "before", "after", "before", "inner before" }, events)
    end)

    it("cleans up with finally", function()
      local closed = false
      finally(function() closed = true end)
      assert.is_false(closed)
    end)
  end)

  it("has seen every hook", function()
    assert.are.same({ "setup", "before", "after", "before", "inner before", "inner after", "after",
                      "before", "inner before", "inner after", "after", "before" }, events)
  end)

  pending("is not written yet")
  it("is pending from inside", function()
    pending("waits for something")
  end)
end)

describe("insulation", function()
  insulate("an insulated block", function()
    it("sets a global", function()
      _G.tycho_global = 1
      assert.are.equal(1, tycho_global)
    end)
  end)

  it("does not see it afterwards", function()
    assert.is_nil(rawget(_G, "tycho_global"))
  end)
end)

describe("C modules under busted", function()
  it("uses cjson", function()
    local cjson = require("cjson")
    assert.are.same({ a = { 1, 2 }, b = "c" }, cjson.decode(cjson.encode({ a = { 1, 2 }, b = "c" })))
    assert.has_error(function() cjson.decode("[") end, "Expected value but found T_END at character 2")
  end)

  it("uses lpeg", function()
    local lpeg = require("lpeg")
    local word = lpeg.C(lpeg.R("az") ^ 1)
    assert.are.same({ "one", "two" }, lpeg.match(lpeg.Ct(word * (" " * word) ^ 0), "one two"))
  end)

  it("uses lfs", function()
    local lfs = require("lfs")
    assert.are.equal("directory", lfs.attributes(".", "mode"))
  end)
end)
