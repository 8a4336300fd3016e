// Working days as the staff calendars say (GET /staff/calendars/{year}): a day is worked when it
// is a weekday outside the days off, or a weekend day worked instead (调休上班). A year without a
// calendar gives no count: the page then says so instead of guessing.
import { api } from "./api.js";

const calendars = new Map();

async function calendar(year) {
  if (!calendars.has(year)) {
    calendars.set(year, api("GET", `/staff/calendars/${year}`).then((c) => {
      const off = new Set();
      for (const range of c.daysOff || []) {
        for (let d = range.from; d <= range.to; d = next(d)) off.add(d);
      }
      return { off, worked: new Set(c.weekendWorkingDays || []) };
    }).catch(() => null));
  }
  return calendars.get(year);
}

function next(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function isWorking(day) {
  const c = await calendar(Number(day.slice(0, 4)));
  if (!c) return null;
  if (c.worked.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !c.off.has(day);
}

/** Working days in (from, to]; null when a year between has no calendar. At most ~2 years. */
async function workingDaysBetween(from, to) {
  let count = 0;
  let steps = 0;
  for (let d = next(from); d <= to; d = next(d)) {
    if (++steps > 800) return null;
    const working = await isWorking(d);
    if (working === null) return null;
    if (working) count++;
  }
  return count;
}

/**
 * The countdown to a due date: {left} working days still to go (0 = due today), or {late}
 * working days past it; null when a calendar is missing.
 */
export async function countdown(today, dueBy) {
  if (!dueBy) return null;
  if (dueBy >= today) {
    const left = await workingDaysBetween(today, dueBy);
    return left === null ? null : { left };
  }
  const late = await workingDaysBetween(dueBy, today);
  return late === null ? null : { late };
}
