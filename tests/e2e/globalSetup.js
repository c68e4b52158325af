// Builds the browser bundle of the fake Excel host before the browser tests.
const webpack = require('webpack');
const config = require('./webpack.fake.js');

module.exports = () =>
  new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || stats.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
